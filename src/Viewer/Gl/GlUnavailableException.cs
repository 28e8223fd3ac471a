namespace GmmGpu.Viewer.Gl;

/// <summary>No OpenGL 3.3 context could be made; the message says what to install.</summary>
public sealed class GlUnavailableException : InvalidOperationException
{
    public const string Remedy =
        "install Mesa's EGL and OpenGL drivers: apt-get install -y libegl1 libegl-mesa0 "
        + "libgl1-mesa-dri";

    public GlUnavailableException()
        : base($"OpenGL is not available; {Remedy}")
    {
    }

    public GlUnavailableException(string message)
        : base($"OpenGL is not available ({message}); {Remedy}")
    {
    }

    public GlUnavailableException(string message, Exception innerException)
        : base($"OpenGL is not available ({message}); {Remedy}", innerException)
    {
    }
}
