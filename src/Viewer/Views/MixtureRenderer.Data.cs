using System.Numerics;

namespace GmmGpu.Viewer;

public sealed partial class MixtureRenderer
{
    /// <summary>Colour of the data drawn over the heat map (alpha: at the densest bins).</summary>
    public static readonly Vector4 DataOverlayInk = new(1, 1, 1, 0.3f);

    /// <summary>
    /// Whether the heat map and surface views draw the data too: a light overlay of the binned
    /// points on the heat map, their density on the surface's floor.
    /// </summary>
    public bool ShowData { get; set; } = true;

    /// <summary>
    /// The data binned at one bin per pixel of the plot area, in the counts texture; returns the
    /// largest count, at least 1.
    /// </summary>
    private float UploadCounts(PlotData data, PlotLayout layout, out float[] binned)
    {
        int bw = Math.Max(1, (int)layout.Plot.Width), bh = Math.Max(1, (int)layout.Plot.Height);
        binned = data.Histogram2D(bw, bh);
        counts.Upload(binned, bw, bh);
        return counts.Max;
    }

    private static float MaxOf(ReadOnlySpan<float> values)
    {
        float max = 0;
        foreach (float v in values)
        {
            max = Math.Max(max, v);
        }

        return max;
    }
}
