using System.Numerics;
using GmmGpu.Viewer.Chart;
using GmmGpu.Viewer.Rendering;

namespace GmmGpu.Viewer.Views;

/// <summary>
/// One feature's histogram (as a density) under the mixture's marginal density and each
/// weighted component's, with a legend.
/// </summary>
internal sealed class HistogramView : IPlotView
{
    /// <summary>Bars of the histogram view.</summary>
    public const int Bins = 60;

    /// <summary>Colour of the histogram view's bars.</summary>
    public static readonly Vector4 BarColor = new(170 / 255f, 190 / 255f, 215 / 255f, 1);

    /// <summary>Widths of the histogram's lines: the mixture's is the boldest.</summary>
    public const float MixtureLineWidth = 3, ComponentLineWidth = 1.75f;

    private static readonly Vector4 MixtureInk = new(0, 0, 0, 1);

    public string Title(PlotData data) => $"Histogram of {data.XName} and the mixture";

    /// <summary>The layout of the histogram view: x is the feature, y the density.</summary>
    public static PlotLayout Layout(PlotPanel panel, ViewFrame frame, PlotData data)
    {
        double? densityScale = panel.Settings.DensityScale;
        (double min, double max) = data.Range(data.DimX);
        double[] bars = data.Histogram1D(data.DimX, Bins, min, max);
        double top = bars.Max();
        for (int i = 0; i < 200 && densityScale is null; i++)
        {
            double x = min + (i / 199.0 * (max - min));
            top = Math.Max(top, MixtureDensity1D(frame.Parameters, data.DimX, x).Total);
        }

        return ChartLayout.Create(panel.Width, panel.Height, panel.Bounds, panel.Style,
            (min, max), (0, densityScale is { } scale ? scale * 1.1 : top > 0 ? top * 1.1 : 1),
            title: true, xLabel: true, yLabel: true,
            rightWidth: 0);
    }

    public void Draw(PlotPanel panel, ViewFrame frame, PlotData data)
    {
        Canvas canvas = panel.Canvas;
        ChartStyle style = panel.Style;
        PlotLayout layout = Layout(panel, frame, data);
        double min = layout.XMin, max = layout.XMax, width = (max - min) / Bins;
        double[] bars = data.Histogram1D(data.DimX, Bins, min, max);
        for (int b = 0; b < Bins; b++)
        {
            Vector2 p0 = layout.ToPixel(min + (b * width), 0);
            Vector2 p1 = layout.ToPixel(min + ((b + 1) * width), bars[b]);
            canvas.Rect(p0.X, p1.Y, p1.X - 1, p0.Y, BarColor);
        }

        MixtureParameters parameters = frame.Parameters;
        // A sample every pixel or so keeps narrow peaks round.
        int samples = Math.Max(300, (int)layout.Plot.Width);
        var mixture = new Vector2[samples];
        var components = new Vector2[parameters.Components][];
        for (int k = 0; k < components.Length; k++)
        {
            components[k] = new Vector2[samples];
        }

        for (int i = 0; i < samples; i++)
        {
            double x = min + (i / (samples - 1.0) * (max - min));
            (double total, double[] each) = MixtureDensity1D(parameters, data.DimX, x);
            mixture[i] = layout.ToPixel(x, total);
            for (int k = 0; k < components.Length; k++)
            {
                components[k][i] = layout.ToPixel(x, each[k]);
            }
        }

        // The mixture under the components: where one component makes up the mixture, its
        // thin line shows inside the bold one instead of vanishing beneath it.
        canvas.Polyline(mixture, MixtureLineWidth, MixtureInk, closed: false);
        float axis = layout.ToPixel(min, 0).Y;
        for (int k = 0; k < components.Length; k++)
        {
            DrawAboveAxis(
                canvas, components[k], axis, ComponentLineWidth, ColorMaps.Component(k));
        }

        Axes.Draw(canvas, panel.Text, style, layout, data.XLabel, "density");
        LegendEntry[] entries =
        [
            new("mixture", MixtureInk, MixtureLineWidth),
            .. Legend.Components(parameters)
                .Select(e => e with
                {
                    Text = "component " + e.Text, LineWidth = ComponentLineWidth,
                }),
        ];
        float left = layout.Plot.Right - (style.Pad * 0.5f) - Legend.BoxWidth(style, null, entries);
        Legend.Draw(canvas, panel.Text, style, left, layout.Plot.Top + (style.Pad * 0.5f),
            layout.Plot.Bottom, heading: null, entries, boxed: true);
    }

    /// <summary>
    /// A curve only where it stands at least a pixel above the axis at y = <paramref name="axis"/>
    /// (pixels, y down), each run reaching down to its neighbours by the axis: a component's
    /// flat tails would otherwise draw a coloured strip along the axis.
    /// </summary>
    private static void DrawAboveAxis(
        Canvas canvas, Vector2[] points, float axis, float width, Vector4 color)
    {
        int start = -1;
        for (int i = 0; i <= points.Length; i++)
        {
            bool above = i < points.Length && axis - points[i].Y >= 1;
            if (above && start < 0)
            {
                start = Math.Max(i - 1, 0);
            }
            else if (!above && start >= 0)
            {
                int end = Math.Min(i, points.Length - 1);
                canvas.Polyline(
                    points.AsSpan(start, end - start + 1), width, color, closed: false);
                start = -1;
            }
        }
    }

    public void Dispose()
    {
    }

    /// <summary>
    /// The mixture's marginal density on feature <paramref name="dim"/>, and each weighted
    /// component's.
    /// </summary>
    private static (double Total, double[] Each) MixtureDensity1D(
        MixtureParameters parameters, int dim, double x)
    {
        int d = parameters.Dimensions;
        var each = new double[parameters.Components];
        double total = 0;
        for (int k = 0; k < each.Length; k++)
        {
            double variance = parameters.MarginalCovariance(k, dim, dim).Xx;
            double z = x - parameters.Means[(k * d) + dim];
            each[k] = parameters.Weights[k] * Math.Exp(-z * z / (2 * variance))
                / Math.Sqrt(2 * Math.PI * variance);
            total += each[k];
        }

        return (total, each);
    }
}
