using GmmGpu.Viewer.Gl;

namespace GmmGpu.Viewer.Rendering;

/// <summary>
/// A data set's binned point counts in a texture, uploaded again only when the binning changes:
/// a <see cref="PlotData"/> bins once per grid and keeps that array, never changed, for every
/// frame, so the same array means the same counts.
/// </summary>
internal sealed class CountsTexture(GlPainter painter) : IDisposable
{
    private float[]? uploaded;

    public Texture2D Texture { get; } = painter.CreateTexture(linear: false);

    /// <summary>The largest count of the uploaded binning, at least 1.</summary>
    public float Max { get; private set; } = 1;

    /// <summary>Makes <paramref name="counts"/> (shape (height, width)) the texture's.</summary>
    private void Upload(float[] counts, int width, int height)
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

    /// <summary>
    /// Bins the data's two drawn features at one bin per pixel of <paramref name="plot"/> into
    /// the texture; returns the largest count, at least 1.
    /// </summary>
    public float UploadBinned(PlotData data, RectangleF plot, out float[] binned)
    {
        int width = Math.Max(1, (int)plot.Width), height = Math.Max(1, (int)plot.Height);
        binned = UploadBinned(data, width, height);
        return Max;
    }

    /// <summary>
    /// Bins the data's two drawn features in a <paramref name="width"/> ×
    /// <paramref name="height"/> grid over their ranges into the texture; returns the counts,
    /// shape (height, width), row 0 at the smallest y.
    /// </summary>
    public float[] UploadBinned(PlotData data, int width, int height)
    {
        float[] counts = data.Histogram2D(width, height);
        Upload(counts, width, height);
        return counts;
    }

    public void Dispose() => Texture.Dispose();
}
