using System.Numerics;
using GmmGpu.Viewer.Rendering;

namespace GmmGpu.Viewer.Chart;

/// <summary>
/// A plot area's frame, its round ticks (as many as fit their labels) and the axes' labels:
/// x under the tick values, y upright left of them, as matplotlib draws them.
/// </summary>
internal static class Axes
{
    /// <summary>The x ticks of a layout: the most (≤ 10) whose labels fit side by side.</summary>
    public static Ticks XTicks(PlotLayout layout, ChartStyle style, bool integers = false)
    {
        float width = layout.Plot.Width;
        int most = Math.Clamp((int)(width / (3 * style.Text)), 2, 10);
        for (int n = most; ; n--)
        {
            Ticks ticks = NiceTicks.Create(layout.XMin, layout.XMax, n, integers, offset: true);
            float widest = ticks.Labels.Max(l => TextLayer.Measure(l, style.Text));
            double spacing = ticks.Step / (layout.XMax - layout.XMin) * width;
            if (n == 2 || spacing >= widest + style.Text)
            {
                return ticks;
            }
        }
    }

    /// <summary>
    /// Ticks of [min, max] on an axis <paramref name="height"/> pixels tall: about one per 2.2
    /// lines of text, and on a short axis (a dashboard's curves) as many more as it takes to
    /// read 3, while their labels stay apart.
    /// </summary>
    public static Ticks YTicks(double min, double max, float height, ChartStyle style)
    {
        int most = Math.Clamp((int)(height / (2.2f * style.Line)), 2, 10);
        Ticks ticks = NiceTicks.Create(min, max, most, offset: true);
        for (int n = most + 1; ticks.Values.Count < 3 && n <= 10 && max > min; n++)
        {
            Ticks more = NiceTicks.Create(min, max, n, offset: true);
            if (more.Step / (max - min) * height < 1.1f * style.Line)
            {
                break;
            }

            ticks = more;
        }

        return ticks;
    }

    /// <summary>Width of the widest label of <paramref name="ticks"/>, its note's too.
    /// </summary>
    public static float Widest(Ticks ticks, ChartStyle style) => Math.Max(
        ticks.Labels.Max(l => TextLayer.Measure(l, style.Text)),
        ticks.Note is { } offset ? TextLayer.Measure(offset, style.Text) : 0);

    /// <summary>Draws the frame, ticks and labels; null labels are left out, and the x ticks'
    /// labels unless <paramref name="xTickLabels"/>.</summary>
    public static void Draw(Canvas canvas, TextLayer text, ChartStyle style, PlotLayout layout,
        string? xLabel, string? yLabel, bool integersX = false, bool xTickLabels = true)
    {
        RectangleF p = layout.Plot;
        Vector4 ink = ChartStyle.Ink;
        Vector2[] corners =
        [
            new(p.Left, p.Top), new(p.Right, p.Top), new(p.Right, p.Bottom), new(p.Left, p.Bottom),
        ];
        canvas.Polyline(corners, 1, ink, closed: true);
        float tick = style.TickLength, gap = ChartStyle.LabelGap;
        Ticks xTicks = XTicks(layout, style, integersX);
        Ticks yTicks = YTicks(layout.YMin, layout.YMax, p.Height, style);
        if (xLabel is not null)
        {
            float y = p.Bottom + tick + gap + style.Line + (style.Pad * 0.3f);
            // Centred, clear of the x offset at the right end of its line.
            float room = p.Width - (xTicks.Note is { } o
                ? 2 * (TextLayer.Measure(o, style.Text) + style.Text) : 0);
            text.Draw(TextLayer.Fit(xLabel, style.Text, room), style.Text,
                (p.Left + p.Right) / 2, y, Align.Centre, Align.Start, ink);
        }

        if (yLabel is not null)
        {
            float x = p.Left - tick - gap - Widest(yTicks, style) - (style.Pad * 0.5f);
            text.Draw(TextLayer.Fit(yLabel, style.Text, p.Height), style.Text, x,
                (p.Top + p.Bottom) / 2, Align.Centre, Align.End, ink, upward: true);
        }

        // What the labels count from or are in units of, where matplotlib shows it: x's under
        // the end of the axis, y's over the top of its labels.
        if (xTicks.Note is { } xOffset && xTickLabels)
        {
            text.Draw(xOffset, style.Text, p.Right,
                p.Bottom + tick + gap + style.Line + (style.Pad * 0.3f), Align.End, Align.Start,
                ink);
        }

        if (yTicks.Note is { } yOffset)
        {
            text.Draw(yOffset, style.Text, p.Left - tick - gap,
                p.Top - (style.Line * 0.5f) - (style.Pad * 0.5f), Align.End, Align.End, ink);
        }

        for (int i = 0; i < xTicks.Values.Count; i++)
        {
            Vector2 at = layout.ToPixel(xTicks.Values[i], layout.YMin);
            canvas.Line(at, at + new Vector2(0, tick), 1, ink);
            if (xTickLabels)
            {
                text.TryDraw(xTicks.Labels[i], style.Text, at.X, p.Bottom + tick + gap,
                    Align.Centre, Align.Start, ink);
            }
        }

        for (int i = 0; i < yTicks.Values.Count; i++)
        {
            Vector2 at = layout.ToPixel(layout.XMin, yTicks.Values[i]);
            canvas.Line(at, at - new Vector2(tick, 0), 1, ink);
            text.TryDraw(yTicks.Labels[i], style.Text, p.Left - tick - gap, at.Y, Align.End,
                Align.Centre, ink);
        }
    }
}
