using Silk.NET.OpenGL;

namespace GmmGpu.Viewer.Gl;

/// <summary>An OpenGL 3.3+ core context, current on the thread that made it.</summary>
public interface IGlContext : IDisposable
{
    /// <summary>The GL entry points of this context.</summary>
    GL Gl { get; }

    /// <summary>"OpenGL 4.5 (llvmpipe ...)": version and renderer.</summary>
    string Description { get; }

    /// <summary>Makes this context current on the calling thread (cheap if it is).</summary>
    /// <exception cref="InvalidOperationException">It is current on another thread.</exception>
    void MakeCurrent();
}
