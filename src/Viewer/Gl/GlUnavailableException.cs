namespace GmmGpu.Viewer.Gl;

/// <summary>No OpenGL 3.3 context could be made; the message says what to install.</summary>
public sealed class GlUnavailableException : InvalidOperationException
{
    /// <summary>What to install, the end of every message.</summary>
    public const string Remedy =
        "install Mesa's EGL and OpenGL drivers: apt-get install -y libegl1 libegl-mesa0 "
        + "libgl1-mesa-dri";

    /// <summary>OpenGL is not available, for no known reason.</summary>
    public GlUnavailableException()
        : base($"OpenGL is not available; {Remedy}")
    {
    }

    /// <summary>OpenGL is not available because of <paramref name="message"/>.</summary>
    public GlUnavailableException(string message)
        : base($"OpenGL is not available ({message}); {Remedy}")
    {
    }

    /// <summary>OpenGL is not available because of <paramref name="message"/>, raised by
    /// <paramref name="innerException"/>.</summary>
    public GlUnavailableException(string message, Exception innerException)
        : base($"OpenGL is not available ({message}); {Remedy}", innerException)
    {
    }
}
