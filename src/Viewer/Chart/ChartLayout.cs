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
    public static PlotLayout Create(int width, int height, RectangleF region, ChartStyle style,
        (double Min, double Max) x, (double Min, double Max) y, bool title, bool xLabel,
        bool yLabel, float rightWidth)
    {
        float line = style.Line, tick = style.TickLength, gap = ChartStyle.LabelGap;
        float top = region.Top + (title ? Title.Height(style) : (line / 2) + (style.Pad * 0.5f));
        float bottom = region.Bottom - (style.Pad * 0.5f) - line - gap - tick
            - (xLabel ? line + (style.Pad * 0.3f) : 0);
        Ticks yTicks = Axes.YTicks(y.Min, y.Max, Math.Max(1, bottom - top), style);
        float left = region.Left + (style.Pad * 0.5f) + Axes.Widest(yTicks, style) + gap + tick
            + (yLabel ? line + (style.Pad * 0.5f) : 0);
        // With nothing at the right, room for half the last x tick label.
        float right = region.Right - (rightWidth > 0 ? rightWidth
            : (TextLayer.Measure("-0.00", style.Text) / 2) + (style.Pad * 0.5f));
        right = Math.Max(right, left + 1);
        bottom = Math.Max(bottom, top + 1);
        var plot = new RectangleF(left, top, right, bottom);
        float barLeft = right + (1.2f * style.Text);
        var bar = new RectangleF(barLeft, top, barLeft + ColorBar.BarWidth(style), bottom);
        return new PlotLayout(width, height, plot, bar, x.Min, x.Max, y.Min, y.Max);
    }
}
