using GmmGpu.Viewer.Rendering;

namespace GmmGpu.Viewer.Chart;

/// <summary>
/// Places a plot area in a region so that its title, tick labels, axis labels and what lies
/// to its right (colour bar, legend) all fit beside it: margins are measured, not fixed.
/// </summary>
internal static class ChartLayout
{
    /// <param name="width">Width of the picture.</param>
    /// <param name="height">Height of the picture.</param>
    /// <param name="region">Where the chart goes in the picture.</param>
    /// <param name="title">Whether a title heads the region.</param>
    /// <param name="xLabel">Whether the x axis has a label.</param>
    /// <param name="yLabel">Whether the y axis has a label.</param>
    /// <param name="rightWidth">Width kept right of the plot (colour bar, legend); 0 for none.
    /// </param>
    /// <param name="aspect">Equal: the plot area shrinks along one axis, centred, so that one
    /// unit of x and of y are as many pixels.</param>
    /// <param name="xTickLabels">Whether the x ticks are labelled (false: a plot whose x axis
    /// is labelled under another's, as matplotlib's shared x).</param>
    public static PlotLayout Create(int width, int height, RectangleF region, ChartStyle style,
        (double Min, double Max) x, (double Min, double Max) y, bool title, bool xLabel,
        bool yLabel, float rightWidth, Aspect aspect = Aspect.Auto, bool xTickLabels = true)
    {
        float line = style.Line, tick = style.TickLength, gap = ChartStyle.LabelGap;
        float top = region.Top + (title ? Title.Height(style) : (line / 2) + (style.Pad * 0.5f));
        float bottom = region.Bottom - (style.Pad * 0.5f) - tick
            - (xTickLabels ? line + gap : 0) - (xLabel ? line + (style.Pad * 0.3f) : 0);
        Ticks yTicks = Axes.YTicks(y.Min, y.Max, Math.Max(1, bottom - top), style);
        float left = region.Left + (style.Pad * 0.5f) + Axes.Widest(yTicks, style) + gap + tick
            + (yLabel ? line + (style.Pad * 0.5f) : 0);
        // With nothing at the right, room for half the last x tick label.
        float right = region.Right - (rightWidth > 0 ? rightWidth
            : (TextLayer.Measure("-0.00", style.Text) / 2) + (style.Pad * 0.5f));
        right = Math.Max(right, left + 1);
        bottom = Math.Max(bottom, top + 1);
        var plot = new RectangleF(left, top, right, bottom);
        if (aspect == Aspect.Equal)
        {
            plot = EqualScales(plot, x.Max - x.Min, y.Max - y.Min);
        }

        // The colour bar stands beside the plot, as tall as it is.
        float barLeft = plot.Right + (1.2f * style.Text);
        var bar = new RectangleF(
            barLeft, plot.Top, barLeft + ColorBar.BarWidth(style), plot.Bottom);
        return new PlotLayout(width, height, plot, bar, x.Min, x.Max, y.Min, y.Max);
    }

    /// <summary>
    /// <paramref name="plot"/> shrunk along one axis about its centre, so that spans of
    /// <paramref name="xSpan"/> and <paramref name="ySpan"/> units have one scale. Labels,
    /// ticks and the colour bar move with the plot's edges, so the chart stays centred.
    /// </summary>
    private static RectangleF EqualScales(RectangleF plot, double xSpan, double ySpan)
    {
        if (!(xSpan > 0 && ySpan > 0))
        {
            return plot;
        }

        double scale = Math.Min(plot.Width / xSpan, plot.Height / ySpan);
        float halfWidth = (float)(scale * xSpan / 2), halfHeight = (float)(scale * ySpan / 2);
        float cx = (plot.Left + plot.Right) / 2, cy = (plot.Top + plot.Bottom) / 2;
        return new RectangleF(cx - halfWidth, cy - halfHeight, cx + halfWidth, cy + halfHeight);
    }
}
