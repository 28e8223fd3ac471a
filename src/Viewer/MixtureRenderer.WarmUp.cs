using GmmGpu.Viewer.Chart;

namespace GmmGpu.Viewer;

public sealed partial class MixtureRenderer
{
    /// <summary>
    /// Draws one frame of <paramref name="kind"/> for a stand-in model, waits for it and clears
    /// it to the background, so that the data's bounds and bins, the compiled shaders and the
    /// drawing code are ready before the first real frame. A live view calls it before EM
    /// starts: the first frame costs several later ones, and EM would otherwise lose that time.
    /// </summary>
    /// <exception cref="ArgumentException">The view needs 2-D data.</exception>
    public void WarmUp(ViewKind kind, PlotData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        int d = data.ModelDimensions;
        var means = new double[d];
        var variances = new double[d];
        for (int j = 0; j < d; j++)
        {
            // Projected data keeps no ranges of the features; its axes have their moments.
            (double min, double max) = data.Axes is { } axes
                ? (axes.Mean[j] - (2 * Math.Sqrt(axes.FeatureVariances[j])),
                    axes.Mean[j] + (2 * Math.Sqrt(axes.FeatureVariances[j])))
                : data.Range(j);
            // In the data's own units: Draw moves the model by the origin.
            means[j] = ((min + max) / 2) + (data.Origin?[j] ?? 0);
            variances[j] = Math.Max(Math.Pow((max - min) / 4, 2), 1e-12);
        }

        var standIn = new MixtureParameters(CovarianceType.Diagonal, 1, d, [1.0], means,
            variances);
        Draw(kind, new ViewFrame(standIn, []), data);
        // Rasterised now, not while EM runs; then blank, as the stand-in is no fit to be seen.
        context.MakeCurrent();
        context.Gl.Finish();
        painter.Begin(ChartStyle.Paper);
    }
}
