using GmmGpu.Viewer.Views;

namespace GmmGpu.Viewer.Export;

/// <summary>
/// The one density scale of an animation, fixed from the data before EM starts, so that a
/// colour (or a height) means the same density in every frame.
/// </summary>
/// <remarks>
/// The data's own peak density is what a good fit converges to, and it is known before the
/// first iteration, so frames can be written as the fit runs. It is the largest bin of a
/// density-normalised histogram (2-D: √N / 4 bins a side, 16 to 128, over the view's ranges;
/// 1-D: the histogram view's own bars): bins coarse enough that the peak bin holds many
/// points (so noise adds little), fine enough to follow a component a few bins wide. The
/// alternatives were worse: the first frame's model (an arbitrary start: later frames would
/// saturate), the last frame's (not known until EM ends, so nothing could be written while it
/// runs), or one Gaussian fitted to all the data (its peak is far below a mixture's).
/// </remarks>
internal static class AnimationScale
{
    /// <summary>The data's peak density on the drawn features (per unit area, or per unit
    /// length for one feature); &gt; 0.</summary>
    public static double FromData(PlotData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        (double xMin, double xMax) = data.Range(data.DimX);
        if (data.Columns == 1)
        {
            double[] bars = data.Histogram1D(
                data.DimX, HistogramView.Bins, xMin, xMax);
            return Positive(bars.Max());
        }

        (double yMin, double yMax) = data.Range(data.DimY);
        int side = Math.Clamp((int)(Math.Sqrt(data.Rows) / 4), 16, 128);
        float[] counts = data.Histogram2D(side, side);
        double area = (xMax - xMin) / side * ((yMax - yMin) / side);
        return Positive(counts.Max() / (Math.Max(data.Rows, 1) * area));
    }

    private static double Positive(double value) =>
        value > 0 && double.IsFinite(value) ? value : 1;
}
