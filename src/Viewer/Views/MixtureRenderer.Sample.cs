using System.Globalization;
using System.Numerics;
using GmmGpu.Viewer.Chart;
using GmmGpu.Viewer.Rendering;
using GmmGpu.Viewer.Views;

namespace GmmGpu.Viewer;

public sealed partial class MixtureRenderer
{
    /// <summary>Most rows a zoomed-in points view draws one by one.</summary>
    public const int MaxSampledPoints = 100_000;

    /// <summary>Side of a sampled point's square, in pixels.</summary>
    public const float SampleDotSize = 3;

    /// <summary>Colour of sampled points when they are not coloured by component.</summary>
    public static readonly Vector4 SampleInk = new(0.12f, 0.16f, 0.3f, 1);

    private const int FloatsPerDot = 6;

    private float[] dots = [];

    /// <summary>
    /// The region the points view shows: null shows all the data as an image of counts; a
    /// window (zoomed in) shows a sample of at most <see cref="MaxSampledPoints"/> rows point by
    /// point, so single points can be seen.
    /// </summary>
    public DataWindow? PointsWindow { get; set; }

    /// <summary>The layout of the points view: the whole data, or <see cref="PointsWindow"/>.
    /// </summary>
    public PlotLayout PointsLayout(PlotData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        (double, double) x = data.Range(data.DimX), y = data.Range(data.DimY);
        if (PointsWindow is { } w)
        {
            // The window is in the data's units; the axes count from its origin.
            double ox = data.AxisOrigin(data.DimX), oy = data.AxisOrigin(data.DimY);
            (x, y) = ((w.XMin - ox, w.XMax - ox), (w.YMin - oy, w.YMax - oy));
        }

        float right = Math.Max(ColorBar.Reserve(Style),
            (1.2f * Style.Text) + Legend.Width(Style, ComponentHeading, [new("00: 0.00", Ink)]));
        return ChartLayout.Create(Width, Height, new RectangleF(0, 0, Width, Height), Style, x,
            y, title: true, xLabel: true, yLabel: true, right, Aspect);
    }

    private void DrawSampledPoints(ViewFrame frame, PlotData data, PlotLayout layout)
    {
        float[] sample = data.Sample(MaxSampledPoints);
        double[]? terms = PointsColorBy == ColorBy.Component
            ? ComponentLabels.Terms(frame.Parameters, data.DimX, data.DimY) : null;
        int k = frame.Parameters.Components;
        if (dots.Length < sample.Length / 2 * FloatsPerDot)
        {
            dots = new float[sample.Length / 2 * FloatsPerDot];
        }

        RectangleF plot = layout.Plot;
        float margin = SampleDotSize;
        int used = 0, shown = 0;
        for (int i = 0; i < sample.Length; i += 2)
        {
            Vector2 p = layout.ToPixel(sample[i], sample[i + 1]);
            if (p.X < plot.Left - margin || p.X > plot.Right + margin
                || p.Y < plot.Top - margin || p.Y > plot.Bottom + margin)
            {
                continue;
            }

            Vector4 colour = terms is null ? SampleInk
                : ColorMaps.Component(ComponentLabels.Best(terms, k, sample[i], sample[i + 1]));
            (dots[used], dots[used + 1]) = (p.X, p.Y);
            (dots[used + 2], dots[used + 3], dots[used + 4], dots[used + 5]) =
                (colour.X, colour.Y, colour.Z, colour.W);
            used += FloatsPerDot;
            shown++;
        }

        painter.DrawDots(dots.AsSpan(0, used), SampleDotSize, plot);
        string caption = string.Create(CultureInfo.InvariantCulture,
            $"{shown} of {sample.Length / 2} sampled of {data.Rows} points");
        text.TryDraw(caption, Style.Text, plot.Right - (Style.Pad * 0.5f),
            plot.Bottom - (Style.Pad * 0.5f), Align.End, Align.End, Ink);
    }
}
