using Silk.NET.OpenGL;

namespace GmmGpu.Viewer.Gl;

/// <summary>
/// A vertex array of float attributes interleaved in one <see cref="GlBuffer{T}"/>.
/// </summary>
internal sealed class VertexArray : IDisposable
{
    private readonly GL gl;
    private GlBuffer<uint>? elements;
    private uint[]? uploadedIndices;

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


    /// <summary>Uploads <paramref name="vertices"/>, for <see cref="DrawIndexedTriangles"/>.
    /// </summary>
    public void Upload(ReadOnlySpan<float> vertices)
    {
        gl.BindVertexArray(Handle);
        Vertices.Upload(vertices);
        gl.BindVertexArray(0);
    }

    /// <summary>
    /// Draws triangles of the uploaded vertices, three <paramref name="indices"/> each: a mesh
    /// shares each vertex among its triangles, so it is shaded once, not six times. The
    /// indices are uploaded again only when they are another array.
    /// </summary>
    public unsafe void DrawIndexedTriangles(uint[] indices)
    {
        gl.BindVertexArray(Handle);
        if (!ReferenceEquals(indices, uploadedIndices))
        {
            // Bound while the vertex array is: it becomes the array's element buffer.
            elements ??= new GlBuffer<uint>(gl, BufferTargetARB.ElementArrayBuffer);
            elements.Upload(indices);
            uploadedIndices = indices;
        }

        gl.DrawElements(PrimitiveType.Triangles, (uint)indices.Length,
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
