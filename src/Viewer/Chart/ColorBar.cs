using System.Globalization;
using System.Numerics;
using GmmGpu.Viewer.Rendering;

namespace GmmGpu.Viewer.Chart;

/// <summary>
/// A colour bar's ticks and label (the bar's colours are drawn by the view): filled levels
/// ticked at their edges, or a log scale ticked at powers of ten that says it is log.
/// </summary>
internal static class ColorBar
{
    /// <summary>The widest tick label a bar keeps room for.</summary>
    private const string WidestLabel = "0.0000";

    public static float BarWidth(ChartStyle style) => MathF.Round(style.Text * 1.1f);

    /// <summary>Width a colour bar with its labels takes right of the plot area (a wide gap at
    /// the right keeps its label apart from a dashboard panel beside it).</summary>
    public static float Reserve(ChartStyle style) =>
        (1.2f * style.Text) + BarWidth(style) + style.TickLength + ChartStyle.LabelGap
        + TextLayer.Measure(WidestLabel, style.Text) + (2 * style.Pad) + style.Line;

    /// <summary>
    /// Ticks at <paramref name="edges"/> on a bar from 0 at its bottom to <paramref name="top"/>
    /// (by default the last edge), and <paramref name="label"/> upright at the right.
    /// </summary>
    public static void DrawLinear(Canvas canvas, TextLayer text, ChartStyle style,
        RectangleF bar, Ticks edges, string label, double? top = null)
    {
        double end = top ?? edges.Values[^1];
        for (int i = 0; i < edges.Values.Count; i++)
        {
            float y = bar.Bottom - (float)(edges.Values[i] / end * bar.Height);
            Tick(canvas, text, style, bar, y, edges.Labels[i]);
        }

        Label(text, style, bar, label);
    }

    /// <summary>
    /// Ticks at 1, 10, 100, … (and 2 and 5 times those under three decades) up to
    /// <paramref name="max"/> on a bar coloured by
    /// log(1 + v) / log(1 + max), and <paramref name="label"/> upright at the right, or
    /// <paramref name="shortLabel"/> where the bar is too short for it.
    /// </summary>
    public static void DrawLog(Canvas canvas, TextLayer text, ChartStyle style,
        RectangleF bar, double max, string label, string? shortLabel = null)
    {
        double scale = Math.Log(1 + Math.Max(max, 1));
        double[] steps = max < 1000 ? [1, 2, 5] : [1];
        for (double decade = 1; decade <= max * (1 + 1e-9); decade *= 10)
        {
            foreach (double v in steps.Select(s => s * decade).Where(v => v <= max * (1 + 1e-9)))
            {
                float y = bar.Bottom - (float)(Math.Log(1 + v) / scale * bar.Height);
                Tick(canvas, text, style, bar, y, PowerOfTen(v));
            }
        }

        bool fits = TextLayer.Measure(label, style.Text) <= bar.Height;
        Label(text, style, bar, fits || shortLabel is null ? label : shortLabel);
    }

    private static string PowerOfTen(double v) => v < 1e4
        ? v.ToString("F0", CultureInfo.InvariantCulture)
        : "1e" + Math.Round(Math.Log10(v)).ToString(CultureInfo.InvariantCulture);

    private static void Tick(Canvas canvas, TextLayer text, ChartStyle style, RectangleF bar,
        float y, string label)
    {
        Vector4 ink = ChartStyle.Ink;
        canvas.Line(new Vector2(bar.Right, y), new Vector2(bar.Right + style.TickLength, y), 1,
            ink);
        text.TryDraw(label, style.Text, bar.Right + style.TickLength + ChartStyle.LabelGap, y,
            Align.Start, Align.Centre, ink);
    }

    private static void Label(TextLayer text, ChartStyle style, RectangleF bar, string label)
    {
        float x = bar.Right + style.TickLength + ChartStyle.LabelGap
            + TextLayer.Measure(WidestLabel, style.Text) + (style.Pad * 0.5f);
        text.Draw(TextLayer.Fit(label, style.Text, bar.Height), style.Text, x,
            (bar.Top + bar.Bottom) / 2, Align.Centre, Align.Start, ChartStyle.Ink, upward: true);
    }
}
