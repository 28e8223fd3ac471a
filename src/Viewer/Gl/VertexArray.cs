using Silk.NET.OpenGL;

namespace GmmGpu.Viewer.Gl;

/// <summary>
/// A vertex array of float attributes interleaved in one <see cref="GlBuffer{T}"/>.
/// </summary>
internal sealed class VertexArray : IDisposable
{
    private readonly GL gl;
    private GlBuffer<uint>? elements;

    /// <param name="sizes">Floats per attribute, in location order.</param>
    public VertexArray(GL gl, params int[] sizes)
    {
        this.gl = gl;
        Handle = gl.GenVertexArray();
        Vertices = new GlBuffer<float>(gl, BufferTargetARB.ArrayBuffer);
        gl.BindVertexArray(Handle);
        Vertices.Bind();
        FloatsPerVertex = sizes.Sum();
        int offset = 0;
        for (uint i = 0; i < sizes.Length; i++)
        {
            gl.EnableVertexAttribArray(i);
            gl.VertexAttribPointer(i, sizes[i], VertexAttribPointerType.Float, false,
                (uint)(FloatsPerVertex * sizeof(float)), offset * sizeof(float));
            offset += sizes[i];
        }

        gl.BindVertexArray(0);
    }

    public uint Handle { get; private set; }

    public GlBuffer<float> Vertices { get; }

    public int FloatsPerVertex { get; }

    /// <summary>Uploads <paramref name="vertices"/> and draws them as triangles.</summary>
    public void DrawTriangles(ReadOnlySpan<float> vertices) =>
        Draw(PrimitiveType.Triangles, vertices);

    /// <summary>
    /// Uploads <paramref name="vertices"/> and the <paramref name="indices"/> of their
    /// triangles (three each), for <see cref="DrawIndexedTriangles"/>: a mesh shares each
    /// vertex among its triangles, so it is shaded once, not six times.
    /// </summary>
    public void Upload(ReadOnlySpan<float> vertices, ReadOnlySpan<uint> indices)
    {
        gl.BindVertexArray(Handle);
        Vertices.Upload(vertices);
        // Bound while the vertex array is: it becomes the array's element buffer.
        elements ??= new GlBuffer<uint>(gl, BufferTargetARB.ElementArrayBuffer);
        elements.Upload(indices);
        gl.BindVertexArray(0);
    }

    /// <summary>Draws the triangles last given to <see cref="Upload"/>.</summary>
    public unsafe void DrawIndexedTriangles()
    {
        if (elements is not { Count: > 0 } uploaded)
        {
            return;
        }

        gl.BindVertexArray(Handle);
        gl.DrawElements(PrimitiveType.Triangles, (uint)uploaded.Count,
            DrawElementsType.UnsignedInt, (void*)0);
        gl.BindVertexArray(0);
    }

    private void Draw(PrimitiveType primitive, ReadOnlySpan<float> vertices)
    {
        if (vertices.IsEmpty)
        {
            return;
        }

        gl.BindVertexArray(Handle);
        Vertices.Upload(vertices);
        gl.DrawArrays(primitive, 0, (uint)(vertices.Length / FloatsPerVertex));
        gl.BindVertexArray(0);
    }

    public void Dispose()
    {
        elements?.Dispose();
        Vertices.Dispose();
        if (Handle != 0)
        {
            gl.DeleteVertexArray(Handle);
            Handle = 0;
        }
    }
}
