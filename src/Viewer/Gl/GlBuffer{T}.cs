using Silk.NET.OpenGL;

namespace GmmGpu.Viewer.Gl;

/// <summary>A GL buffer object of <typeparamref name="T"/> values.</summary>
internal sealed class GlBuffer<T> : IDisposable
    where T : unmanaged
{
    private readonly GL gl;
    private readonly BufferTargetARB target;

    public GlBuffer(GL gl, BufferTargetARB target)
    {
        this.gl = gl;
        this.target = target;
        Handle = gl.GenBuffer();
    }

    public uint Handle { get; private set; }

    public int Count { get; private set; }

    public void Bind() => gl.BindBuffer(target, Handle);

    /// <summary>Replaces the contents (stream draw).</summary>
    public void Upload(ReadOnlySpan<T> values)
    {
        Bind();
        gl.BufferData(target, values, BufferUsageARB.StreamDraw);
        Count = values.Length;
    }

    public void Dispose()
    {
        if (Handle != 0)
        {
            gl.DeleteBuffer(Handle);
            Handle = 0;
        }
    }
}
