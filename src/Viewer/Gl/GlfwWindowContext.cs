using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Silk.NET.OpenGL;

namespace GmmGpu.Viewer.Gl;

/// <summary>
/// A GLFW window with an OpenGL 3.3 core context, current on the creating thread.
/// </summary>
public sealed class GlfwWindowContext : IGlContext
{
    private nint window;
    private GCHandle self;
    private double scrolled;
    private bool damaged = true;

    private unsafe GlfwWindowContext(nint window)
    {
        this.window = window;
        // The callbacks are static; the window's user pointer leads them back to this.
        self = GCHandle.Alloc(this);
        Glfw.SetWindowUserPointer(window, GCHandle.ToIntPtr(self));
        Glfw.SetScrollCallback(window, &OnScroll);
        Glfw.SetWindowRefreshCallback(window, &OnRefresh);
        Glfw.MakeContextCurrent(window);
        Glfw.SwapInterval(1);
        Gl = GL.GetApi(Glfw.GetProcAddress);
        Description = $"OpenGL {Gl.GetStringS(StringName.Version)} "
            + $"({Gl.GetStringS(StringName.Renderer)}), window";
    }

    /// <inheritdoc/>
    public GL Gl { get; }

    /// <inheritdoc/>
    public string Description { get; }

    /// <summary>The native GLFW window.</summary>
    internal nint Window => window;

    /// <summary>
    /// Opens a window, or returns null with the reason when there is no display, no libglfw or no
    /// GL 3.3 (the caller then goes on headless).
    /// </summary>
    public static GlfwWindowContext? TryOpen(
        int width, int height, string title, out string? reason)
    {
        reason = null;
        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable("DISPLAY"))
            && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("WAYLAND_DISPLAY")))
        {
            reason = "no display (DISPLAY is not set)";
            return null;
        }

        try
        {
            if (Glfw.Init() == 0)
            {
                reason = "GLFW could not start (no usable display)";
                return null;
            }
        }
        catch (DllNotFoundException)
        {
            reason = $"{Glfw.Library} not found: apt-get install -y libglfw3";
            return null;
        }

        Glfw.WindowHint(Glfw.ContextVersionMajor, 3);
        Glfw.WindowHint(Glfw.ContextVersionMinor, 3);
        Glfw.WindowHint(Glfw.OpenGlProfile, Glfw.OpenGlCoreProfile);
        Glfw.WindowHint(Glfw.OpenGlForwardCompat, 1);
        nint window = Glfw.CreateWindow(width, height, title, 0, 0);
        if (window == 0)
        {
            Glfw.Terminate();
            reason = "no OpenGL 3.3 window could be made";
            return null;
        }

        return new GlfwWindowContext(window);
    }

    /// <inheritdoc/>
    public void MakeCurrent() => Glfw.MakeContextCurrent(window);

    /// <summary>Whether the user asked to close the window (or <see cref="Close"/> did).
    /// </summary>
    public bool ShouldClose => Glfw.WindowShouldClose(window) != 0;

    /// <summary>Asks the window to close: <see cref="ShouldClose"/> becomes true.</summary>
    public void Close() => Glfw.SetWindowShouldClose(window, 1);

    /// <summary>Whether <paramref name="key"/> (a GLFW key code, e.g. 256 for Esc) is held.
    /// </summary>
    public bool IsKeyDown(int key) => Glfw.GetKey(window, key) == Glfw.Press;

    /// <summary>Whether mouse <paramref name="button"/> (0 left, 1 right, 2 middle) is held.
    /// </summary>
    public bool IsMouseButtonDown(int button) =>
        Glfw.GetMouseButton(window, button) == Glfw.Press;

    /// <summary>Size of the window's drawable area in framebuffer pixels (on a high-DPI
    /// screen, more than its size in screen units).</summary>
    public (int Width, int Height) FramebufferSize
    {
        get
        {
            Glfw.GetFramebufferSize(window, out int w, out int h);
            return (w, h);
        }
    }

    /// <summary>Sets the window's title bar text.</summary>
    public void SetTitle(string title) => Glfw.SetWindowTitle(window, title);

    /// <summary>Shows what was drawn into the window's back buffer (waits for the screen's
    /// refresh: swap interval 1).</summary>
    public void SwapBuffers() => Glfw.SwapBuffers(window);

    /// <summary>
    /// Wheel steps (up positive) since the last call, gathered while waiting for events.
    /// </summary>
    public double TakeScroll()
    {
        double steps = scrolled;
        scrolled = 0;
        return steps;
    }

    /// <summary>
    /// Whether the window's contents were damaged (uncovered, resized) since the last call, or
    /// never shown: then the picture must be put on screen again. Set while waiting for events.
    /// </summary>
    public bool TakeDamage()
    {
        bool was = damaged;
        damaged = false;
        return was;
    }

    /// <summary>The mouse position in framebuffer pixels, origin top left.</summary>
    public (double X, double Y) CursorPosition
    {
        get
        {
            Glfw.GetCursorPos(window, out double x, out double y);
            Glfw.GetWindowSize(window, out int width, out int height);
            (int fw, int fh) = FramebufferSize;
            return (x * fw / Math.Max(width, 1), y * fh / Math.Max(height, 1));
        }
    }

    /// <summary>Handles the windows' events, waiting at most <paramref name="seconds"/>
    /// (&gt; 0) for one; on the thread that made the window.</summary>
    public static void WaitEvents(double seconds) => Glfw.WaitEventsTimeout(seconds);

    /// <summary>Closes the window and its context.</summary>
    public void Dispose()
    {
        if (window != 0)
        {
            Gl.Dispose();
            Glfw.DestroyWindow(window);
            Glfw.Terminate();
            self.Free();
            window = 0;
        }
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void OnScroll(nint window, double dx, double dy)
    {
        if (Of(window) is { } c)
        {
            c.scrolled += dy;
        }
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void OnRefresh(nint window)
    {
        if (Of(window) is { } c)
        {
            c.damaged = true;
        }
    }

    private static GlfwWindowContext? Of(nint window) =>
        GCHandle.FromIntPtr(Glfw.GetWindowUserPointer(window)).Target as GlfwWindowContext;
}
