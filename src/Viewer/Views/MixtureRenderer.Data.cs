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
    /// The density at the top of the heat map's and the surface's colour scale, and the top of
    /// the histogram's axis (÷ 1.1); null (the default) takes each frame's own peak. An
    /// animation fixes it, so that a colour means the same density in every frame. &gt; 0.
    /// </summary>
    public double? DensityScale
    {
        get => densityScale;
        set
        {
            if (value is { } v && !(v > 0 && double.IsFinite(v)))
            {
                throw new ArgumentOutOfRangeException(nameof(value), v,
                    "the density scale must be a positive finite number or null.");
            }

            densityScale = value;
        }
    }

    private double? densityScale;

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
