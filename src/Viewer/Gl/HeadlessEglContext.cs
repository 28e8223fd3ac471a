using Silk.NET.OpenGL;

namespace GmmGpu.Viewer.Gl;

/// <summary>
/// A surfaceless EGL context (Mesa's EGL_PLATFORM_SURFACELESS_MESA): no display, no window;
/// drawing goes into framebuffer objects. Current on the creating thread.
/// </summary>
public sealed class HeadlessEglContext : IGlContext
{
    private readonly nint display;
    private nint context;

    /// <exception cref="GlUnavailableException">EGL, Mesa or GL 3.3 core is missing.</exception>
    public HeadlessEglContext()
    {
        try
        {
            display = Egl.GetPlatformDisplay(Egl.PlatformSurfacelessMesa, 0, 0);
        }
        catch (DllNotFoundException ex)
        {
            throw new GlUnavailableException($"{Egl.Library} not found", ex);
        }
        catch (EntryPointNotFoundException ex)
        {
            throw new GlUnavailableException("EGL 1.5 is missing", ex);
        }

        if (display == 0 || Egl.Initialize(display, out _, out _) == 0)
        {
            throw new GlUnavailableException(
                $"no surfaceless EGL display, EGL error 0x{Egl.GetError():X}");
        }

        try
        {
            context = CreateContext(display);
            if (Egl.MakeCurrent(display, 0, 0, context) == 0)
            {
                throw new GlUnavailableException($"eglMakeCurrent: 0x{Egl.GetError():X}");
            }

            Gl = GL.GetApi(Egl.GetProcAddress);
            Description = $"OpenGL {Gl.GetStringS(StringName.Version)} "
                + $"({Gl.GetStringS(StringName.Renderer)})";
        }
        catch
        {
            Release();
            throw;
        }
    }

    /// <inheritdoc/>
    public GL Gl { get; } = null!;

    /// <inheritdoc/>
    public string Description { get; } = "";

    /// <inheritdoc/>
    public void MakeCurrent()
    {
        if (Egl.MakeCurrent(display, 0, 0, context) == 0)
        {
            throw new InvalidOperationException(
                $"eglMakeCurrent failed (EGL error 0x{Egl.GetError():X}): a GL context belongs "
                + "to one thread at a time.");
        }
    }

    /// <summary>Deletes the context; GL objects made in it must be deleted first.</summary>
    public void Dispose()
    {
        Gl?.Dispose();
        Release();
    }

    private static nint CreateContext(nint display)
    {
        if (Egl.BindApi(Egl.OpenGlApi) == 0)
        {
            throw new GlUnavailableException("eglBindAPI(OpenGL) failed");
        }

        int[] attributes =
        [
            Egl.ContextMajorVersion, 3, Egl.ContextMinorVersion, 3,
            Egl.ContextOpenGlProfileMask, Egl.ContextOpenGlCoreProfileBit, Egl.None,
        ];
        nint context = Egl.CreateContext(display, 0, 0, attributes);
        if (context != 0)
        {
            return context;
        }

        int[] configAttributes =
            [Egl.RenderableType, Egl.OpenGlBit, Egl.SurfaceType, Egl.PbufferBit, Egl.None];
        var configs = new nint[1];
        if (Egl.ChooseConfig(display, configAttributes, configs, 1, out int count) == 0
            || count == 0)
        {
            throw new GlUnavailableException("no EGL config for OpenGL");
        }

        context = Egl.CreateContext(display, configs[0], 0, attributes);
        return context != 0
            ? context
            : throw new GlUnavailableException(
                $"no OpenGL 3.3 core context, EGL error 0x{Egl.GetError():X}");
    }

    private void Release()
    {
        if (context != 0)
        {
            Egl.MakeCurrent(display, 0, 0, 0);
            Egl.DestroyContext(display, context);
            context = 0;
        }

        // No eglTerminate: the display is one per process and other contexts may use it.
    }
}
