using System.Numerics;
using System.Runtime.InteropServices;
using GmmGpu.Viewer.Chart;
using GmmGpu.Viewer.Gl;
using Silk.NET.OpenGL;
using VertexArray = GmmGpu.Viewer.Gl.VertexArray;

namespace GmmGpu.Viewer.Rendering;

/// <summary>
/// Draws a <see cref="TextLayer"/>: one textured draw call per font size, from glyph atlases
/// uploaded once (a texture per size, kept while the painter lives).
/// </summary>
internal sealed class TextPainter : IDisposable
{
    private readonly GL gl;
    private readonly ShaderProgram program;
    private readonly VertexArray vertices;
    private readonly Dictionary<int, Texture2D> atlases = [];

    public TextPainter(GL gl)
    {
        this.gl = gl;
        program = new ShaderProgram(gl, "text", Shaders.TextVertex, Shaders.TextFragment);
        vertices = new VertexArray(gl, 2, 2, 4);
    }

    /// <summary>Draws the text over the bound framebuffer of <paramref name="width"/> ×
    /// <paramref name="height"/> pixels.</summary>
    public void Draw(TextLayer text, int width, int height)
    {
        program.Use();
        program.Set("uViewport", new Vector2(width, height));
        program.Set("uAtlas", 0);
        foreach ((GlyphAtlas atlas, List<float> batch) in text.Batches)
        {
            Atlas(atlas).Bind(0);
            vertices.DrawTriangles(CollectionsMarshal.AsSpan(batch));
        }
    }

    public void Dispose()
    {
        foreach (Texture2D texture in atlases.Values)
        {
            texture.Dispose();
        }

        vertices.Dispose();
        program.Dispose();
    }

    private Texture2D Atlas(GlyphAtlas atlas)
    {
        if (!atlases.TryGetValue(atlas.PixelSize, out Texture2D? texture))
        {
            texture = new Texture2D(gl, linear: true);
            texture.UploadBytes(atlas.Width, atlas.Height, atlas.Coverage);
            atlases[atlas.PixelSize] = texture;
        }

        return texture;
    }
}
