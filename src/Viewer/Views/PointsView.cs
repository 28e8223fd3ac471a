using System.Globalization;
using System.Numerics;
using GmmGpu.Viewer.Chart;
using GmmGpu.Viewer.Gl;
using GmmGpu.Viewer.Rendering;

namespace GmmGpu.Viewer.Views;

/// <summary>
/// The data as an image of counts (or, zoomed in, a sample point by point) under each
/// component's 1, 2 and 3σ ellipses and mean, with a legend of the components.
/// </summary>
internal sealed class PointsView : IPlotView
{
    /// <summary>Width of the covariance ellipses, in pixels.</summary>
    public const float EllipseWidth = 2;

    /// <summary>
    /// Width of the dark edge under each ellipse when the data is coloured by component: one
    /// and a half pixels each side (smoothed edges share pixels), so an ellipse stays visible
    /// over a dense cloud of its own colour.
    /// </summary>
    public const float EllipseOutlineWidth = EllipseWidth + 3;

    private const string ComponentHeading = "component: weight";

    private static readonly Vector4 Empty = new(1, 1, 1, 1);

    private readonly GlPainter painter;
    private readonly CountsTexture counts;
    private readonly Texture2D labels;
    private readonly Texture2D dotTexture;

    public PointsView(GlPainter painter)
    {
        this.painter = painter;
        counts = new CountsTexture(painter);
        labels = painter.CreateTexture(linear: false);
        dotTexture = painter.CreateTexture(linear: false);
    }

    public string Title(PlotData data) => $"Data and components of {data.XName} and {data.YName}";

    public void Dispose()
    {
        dotTexture.Dispose();
        labels.Dispose();
        counts.Dispose();
    }

    public void Draw(PlotPanel panel, ViewFrame frame, PlotData data)
    {
        ViewSettings settings = panel.Settings;
        ChartStyle style = panel.Style;
        PlotLayout layout = Layout(panel, data);
        // The components' colours (of the ellipses, and of the points when coloured by
        // component) head the column right of the plot; a colour bar of counts fills the rest.
        float legendBottom = Legend.Draw(panel.Canvas, panel.Text, style, layout.ColorBar.Left,
            layout.Plot.Top, layout.Plot.Top + (layout.Plot.Height * 0.55f), ComponentHeading,
            Legend.Components(frame.Parameters), boxed: false);
        RectangleF bar = layout.ColorBar with { Top = legendBottom + (2 * style.Pad) };
        if (settings.PointsWindow is null)
        {
            DrawBinnedPoints(panel, frame, data, layout, bar);
        }
        else
        {
            DrawSampledPoints(panel, frame, data, layout);
        }

        panel.Clipped.Clear();
        DrawEllipses(panel.Clipped, settings.PointsColorBy, frame.Parameters, data, layout);
        painter.Draw(panel.Clipped, layout.Plot);
        Axes.Draw(panel.Canvas, panel.Text, style, layout, data.XLabel, data.YLabel);
    }

    /// <summary>All the data as an image of counts, one bin per pixel.</summary>
    private void DrawBinnedPoints(PlotPanel panel, ViewFrame frame, PlotData data,
        PlotLayout layout, RectangleF bar)
    {
        float max = counts.UploadBinned(data, layout.Plot, out float[] binned);
        if (panel.Settings.PointsColorBy == ColorBy.Component)
        {
            int bw = Math.Max(1, (int)layout.Plot.Width), bh = binned.Length / bw;
            float[] best = ComponentLabels.Grid(frame.Parameters, data.DimX, data.DimY, binned,
                bw, bh, (layout.XMin, layout.XMax), (layout.YMin, layout.YMax));
            labels.UploadFloats(bw, bh, best);
            painter.DrawCategorical(counts.Texture, labels, layout.Plot, max, Empty);
        }
        else
        {
            painter.DrawScalar(counts.Texture, layout.Plot, max, log: true, levels: 0, Empty);
            painter.DrawScalar(panel.Ramp, bar, 1, log: false, levels: 0, ChartStyle.Paper);
            ColorBar.DrawLog(panel.Canvas, panel.Text, panel.Style, bar, max,
                "points per bin (log)", shortLabel: "count (log)");
        }
    }

    private static void DrawEllipses(Canvas clipped, ColorBy colorBy,
        MixtureParameters parameters, PlotData data, PlotLayout layout)
    {
        IReadOnlyList<double> means = parameters.Means;
        int d = parameters.Dimensions;
        for (int k = 0; k < parameters.Components; k++)
        {
            double mx = means[(k * d) + data.DimX], my = means[(k * d) + data.DimY];
            var cov = parameters.MarginalCovariance(k, data.DimX, data.DimY);
            Vector4 color = ColorMaps.Component(k);
            for (int s = 1; s <= 3; s++)
            {
                Vector2[] points = Ellipses.Points(mx, my, cov, s, 128);
                for (int i = 0; i < points.Length; i++)
                {
                    points[i] = layout.ToPixel(points[i].X, points[i].Y);
                }

                if (colorBy == ColorBy.Component)
                {
                    clipped.Polyline(points, EllipseOutlineWidth, ChartStyle.Ink, closed: true);
                }

                clipped.Polyline(points, EllipseWidth, color, closed: true);
            }

            Vector2 centre = layout.ToPixel(mx, my);
            clipped.Disc(centre, 5, ChartStyle.Ink);
            clipped.Disc(centre, 3.5f, color);
        }
    }

    /// <summary>Most rows a zoomed-in points view draws one by one.</summary>
    public const int MaxSampledPoints = 100_000;

    /// <summary>Side of a sampled point's square, in pixels.</summary>
    public const float SampleDotSize = 3;

    /// <summary>Colour of sampled points when they are not coloured by component.</summary>
    public static readonly Vector4 SampleInk = new(0.12f, 0.16f, 0.3f, 1);

    private readonly DotImage dots = new();

    /// <summary>Behind the sample's caption: the paper, nearly opaque.</summary>
    private static readonly Vector4 CaptionPaper = ChartStyle.Paper with { W = 0.85f };

    /// <summary>The layout of the points view: the whole data, or the settings' window.
    /// </summary>
    public static PlotLayout Layout(PlotPanel panel, PlotData data)
    {
        ChartStyle style = panel.Style;
        (double, double) x = data.Range(data.DimX), y = data.Range(data.DimY);
        if (panel.Settings.PointsWindow is { } w)
        {
            // The window is in the data's units; the axes count from its origin.
            double ox = data.AxisOrigin(data.DimX), oy = data.AxisOrigin(data.DimY);
            (x, y) = ((w.XMin - ox, w.XMax - ox), (w.YMin - oy, w.YMax - oy));
        }

        float right = Math.Max(ColorBar.Reserve(style), (1.2f * style.Text)
            + Legend.Width(style, ComponentHeading, [new("00: 0.00", ChartStyle.Ink)]));
        return ChartLayout.Create(panel.Width, panel.Height, panel.Bounds, style, x, y,
            title: true, xLabel: true, yLabel: true, right, panel.Settings.Aspect);
    }

    private void DrawSampledPoints(
        PlotPanel panel, ViewFrame frame, PlotData data, PlotLayout layout)
    {
        float[] sample = data.Sample(MaxSampledPoints);
        double[]? terms = panel.Settings.PointsColorBy == ColorBy.Component
            ? ComponentLabels.Terms(frame.Parameters, data.DimX, data.DimY) : null;
        int k = frame.Parameters.Components;
        RectangleF plot = layout.Plot;
        dots.Begin(plot, ChartStyle.Paper);
        float margin = SampleDotSize;
        int shown = 0;
        for (int i = 0; i < sample.Length; i += 2)
        {
            Vector2 p = layout.ToPixel(sample[i], sample[i + 1]);
            if (p.X < plot.Left - margin || p.X > plot.Right + margin
                || p.Y < plot.Top - margin || p.Y > plot.Bottom + margin)
            {
                continue;
            }

            Vector4 color = terms is null ? SampleInk
                : ColorMaps.Component(ComponentLabels.Best(terms, k, sample[i], sample[i + 1]));
            dots.Dot(p.X, p.Y, SampleDotSize, color);
            shown++;
        }

        dotTexture.UploadRgba(dots.Width, dots.Height, dots.Rgba);
        painter.DrawImage(dotTexture, dots.Bounds);
        string caption = string.Create(CultureInfo.InvariantCulture,
            $"{shown} of {sample.Length / 2} sampled of {data.Rows} points");
        float pad = panel.Style.Pad * 0.5f;
        if (panel.Text.TryDraw(caption, panel.Style.Text, plot.Right - pad, plot.Bottom - pad,
            Align.End, Align.End, ChartStyle.Ink))
        {
            // On paper, as a legend is, so the dots and ellipses under it do not garble it.
            RectangleF box = TextLayer.Box(caption, panel.Style.Text, plot.Right - pad,
                plot.Bottom - pad, Align.End, Align.End);
            panel.Canvas.Rect(box.Left - 2, box.Top, box.Right + 2, box.Bottom, CaptionPaper);
        }
    }
}
