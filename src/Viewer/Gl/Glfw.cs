using System.Runtime.InteropServices;

namespace GmmGpu.Viewer.Gl;

/// <summary>The few GLFW 3.3 entry points of libglfw.so.3 that a viewer window needs.</summary>
internal static partial class Glfw
{
    public const string Library = "libglfw.so.3";
    public const int Visible = 0x00020004;
    public const int ContextVersionMajor = 0x00022002;
    public const int ContextVersionMinor = 0x00022003;
    public const int OpenGlForwardCompat = 0x00022006;
    public const int OpenGlProfile = 0x00022008;
    public const int OpenGlCoreProfile = 0x00032001;
    public const int KeySpace = 32;
    public const int Key1 = 49;
    public const int KeyC = 67;
    public const int KeyR = 82;
    public const int KeyEscape = 256;
    public const int KeyTab = 258;
    public const int Press = 1;
    public const int MouseButtonLeft = 0;

    [LibraryImport(Library, EntryPoint = "glfwInit")]
    public static partial int Init();

    [LibraryImport(Library, EntryPoint = "glfwTerminate")]
    public static partial void Terminate();

    [LibraryImport(Library, EntryPoint = "glfwWindowHint")]
    public static partial void WindowHint(int hint, int value);

    [LibraryImport(Library, EntryPoint = "glfwCreateWindow",
        StringMarshalling = StringMarshalling.Utf8)]
    public static partial nint CreateWindow(
        int width, int height, string title, nint monitor, nint share);

    [LibraryImport(Library, EntryPoint = "glfwDestroyWindow")]
    public static partial void DestroyWindow(nint window);

    [LibraryImport(Library, EntryPoint = "glfwMakeContextCurrent")]
    public static partial void MakeContextCurrent(nint window);

    [LibraryImport(Library, EntryPoint = "glfwGetProcAddress",
        StringMarshalling = StringMarshalling.Utf8)]
    public static partial nint GetProcAddress(string name);

    [LibraryImport(Library, EntryPoint = "glfwSwapBuffers")]
    public static partial void SwapBuffers(nint window);

    [LibraryImport(Library, EntryPoint = "glfwSwapInterval")]
    public static partial void SwapInterval(int interval);

    [LibraryImport(Library, EntryPoint = "glfwWaitEventsTimeout")]
    public static partial void WaitEventsTimeout(double seconds);

    [LibraryImport(Library, EntryPoint = "glfwWindowShouldClose")]
    public static partial int WindowShouldClose(nint window);

    [LibraryImport(Library, EntryPoint = "glfwSetWindowShouldClose")]
    public static partial void SetWindowShouldClose(nint window, int value);

    [LibraryImport(Library, EntryPoint = "glfwGetKey")]
    public static partial int GetKey(nint window, int key);

    [LibraryImport(Library, EntryPoint = "glfwGetMouseButton")]
    public static partial int GetMouseButton(nint window, int button);

    [LibraryImport(Library, EntryPoint = "glfwGetFramebufferSize")]
    public static partial void GetFramebufferSize(nint window, out int width, out int height);

    [LibraryImport(Library, EntryPoint = "glfwGetWindowSize")]
    public static partial void GetWindowSize(nint window, out int width, out int height);

    [LibraryImport(Library, EntryPoint = "glfwGetCursorPos")]
    public static partial void GetCursorPos(nint window, out double x, out double y);

    [LibraryImport(Library, EntryPoint = "glfwSetWindowUserPointer")]
    public static partial void SetWindowUserPointer(nint window, nint pointer);

    [LibraryImport(Library, EntryPoint = "glfwGetWindowUserPointer")]
    public static partial nint GetWindowUserPointer(nint window);

    /// <summary>Calls <paramref name="callback"/>(window, dx, dy) on each wheel turn, from
    /// the event-polling thread.</summary>
    [LibraryImport(Library, EntryPoint = "glfwSetScrollCallback")]
    public static unsafe partial nint SetScrollCallback(
        nint window, delegate* unmanaged[Cdecl]<nint, double, double, void> callback);

    /// <summary>Calls <paramref name="callback"/>(window) when the window's contents were
    /// damaged or lost and must be drawn again, from the event-polling thread.</summary>
    [LibraryImport(Library, EntryPoint = "glfwSetWindowRefreshCallback")]
    public static unsafe partial nint SetWindowRefreshCallback(
        nint window, delegate* unmanaged[Cdecl]<nint, void> callback);

    [LibraryImport(Library, EntryPoint = "glfwSetWindowTitle",
        StringMarshalling = StringMarshalling.Utf8)]
    public static partial void SetWindowTitle(nint window, string title);
}
