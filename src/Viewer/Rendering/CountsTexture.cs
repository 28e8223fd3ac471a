using GmmGpu.Viewer.Gl;

namespace GmmGpu.Viewer.Rendering;

/// <summary>
/// Binned point counts in a texture, uploaded again only when the binning changes (a data set's
/// binning is computed once and reused by every frame).
/// </summary>
internal sealed class CountsTexture(GlPainter painter) : IDisposable
{
    private float[]? uploaded;

    public Texture2D Texture { get; } = painter.CreateTexture(linear: false);

    /// <summary>The largest count of the uploaded binning, at least 1.</summary>
    public float Max { get; private set; } = 1;

    /// <summary>Makes <paramref name="counts"/> (shape (height, width)) the texture's.</summary>
    public void Upload(float[] counts, int width, int height)
    {
        if (ReferenceEquals(counts, uploaded))
        {
            return;
        }

        Texture.UploadFloats(width, height, counts);
        uploaded = counts;
        float max = 1;
        foreach (float c in counts)
        {
            max = Math.Max(max, c);
        }

        Max = max;
    }

    public void Dispose() => Texture.Dispose();
}
