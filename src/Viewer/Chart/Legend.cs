using System.Globalization;
using System.Numerics;
using GmmGpu.Viewer.Rendering;

namespace GmmGpu.Viewer.Chart;

/// <summary>One row of a legend: a swatch (or a line of <see cref="LineWidth"/> pixels) and
/// its text.</summary>
internal readonly record struct LegendEntry(string Text, Vector4 Color, float LineWidth = 0);

/// <summary>
/// A legend: a column of swatches and texts, as many rows as fit (then "… n more"), on a pale
/// box when it lies over the plot.
/// </summary>
internal static class Legend
{
    private static readonly Vector4 Paper = new(1, 1, 1, 0.85f);
    private static readonly Vector4 Edge = new(0.75f, 0.75f, 0.75f, 1);

    /// <summary>Entries of K components: their colour, index and weight.</summary>
    public static LegendEntry[] Components(MixtureParameters parameters) =>
    [
        .. parameters.Weights.Select((w, k) => new LegendEntry(
            string.Create(CultureInfo.InvariantCulture, $"{k}: {w:0.00}"),
            ColorMaps.Component(k))),
    ];

    /// <summary>Width a legend of these entries takes, with a gap at its right.</summary>
    public static float Width(
        ChartStyle style, string? heading, IReadOnlyList<LegendEntry> entries) =>
        BoxWidth(style, heading, entries) + style.Pad;

    /// <summary>Width of the legend's box.</summary>
    public static float BoxWidth(
        ChartStyle style, string? heading, IReadOnlyList<LegendEntry> entries)
    {
        float widest = entries.Select(e => TextLayer.Measure(e.Text, style.Text))
            .Append(TextLayer.Measure(heading ?? "", style.Text) - Swatch(style)).Max();
        return Swatch(style) + widest + style.Pad;
    }

    /// <summary>
    /// Draws the legend with its top-left corner at (left, top), no lower than
    /// <paramref name="bottom"/>; <paramref name="boxed"/> puts it on a pale framed box.
    /// Returns the bottom of the legend.
    /// </summary>
    public static float Draw(Canvas canvas, TextLayer text, ChartStyle style, float left,
        float top, float bottom, string? heading, IReadOnlyList<LegendEntry> entries, bool boxed)
    {
        float row = style.Line, pad = style.Pad * 0.5f, swatch = Swatch(style);
        float width = BoxWidth(style, heading, entries);
        int headings = heading is null ? 0 : 1;
        int fit = Math.Max(0, (int)((bottom - top - (2 * pad)) / row) - headings);
        int shown = entries.Count <= fit ? entries.Count : Math.Max(0, fit - 1);
        int rows = headings + shown + (shown < entries.Count ? 1 : 0);
        float right = left + width, height = (rows * row) + (2 * pad);
        if (boxed)
        {
            canvas.Rect(left, top, right, top + height, Paper);
            Vector2[] frame = [new(left, top), new(right, top), new(right, top + height),
                new(left, top + height)];
            canvas.Polyline(frame, 1, Edge, closed: true);
        }

        float x = left + pad, y = top + pad - (headings == 0 ? row : 0);
        if (heading is not null)
        {
            text.TryDraw(heading, style.Text, x, y, Align.Start, Align.Start, ChartStyle.Ink);
        }

        for (int i = 0; i < shown; i++)
        {
            y += row;
            LegendEntry e = entries[i];
            float mid = y + (row / 2);
            if (e.LineWidth > 0)
            {
                canvas.Line(new(x, mid), new(x + swatch - 3, mid), e.LineWidth, e.Color);
            }
            else
            {
                canvas.Rect(x, mid - (swatch * 0.3f), x + (swatch * 0.6f), mid + (swatch * 0.3f),
                    e.Color);
            }

            text.TryDraw(e.Text, style.Text, x + swatch, y, Align.Start, Align.Start,
                ChartStyle.Ink);
        }

        if (shown < entries.Count)
        {
            string more = string.Create(CultureInfo.InvariantCulture,
                $"\u2026 {entries.Count - shown} more");
            text.TryDraw(more, style.Text, x, y + row, Align.Start, Align.Start, ChartStyle.Ink);
        }

        return top + height;
    }

    private static float Swatch(ChartStyle style) => MathF.Round(style.Text * 1.6f);
}
