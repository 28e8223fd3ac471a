namespace GmmGpu.Viewer.Chart;

/// <summary>
/// A chart's title (the view and its features) over a muted second line (the iteration or the
/// model), both centred and cut to fit: their size never changes from frame to frame.
/// </summary>
internal static class Title
{
    /// <summary>Height the title takes at the top of a region.</summary>
    public static float Height(ChartStyle style) =>
        (style.Pad * 0.5f) + TextLayer.LineHeight(style.TitleText) + style.Line + style.Pad;

    public static void Draw(TextLayer text, ChartStyle style, float left, float right, float top,
        string title, string subtitle)
    {
        float width = right - left - style.Pad, centre = (left + right) / 2;
        float y = top + (style.Pad * 0.5f);
        text.Draw(TextLayer.Fit(title, style.TitleText, width), style.TitleText, centre, y,
            Align.Centre, Align.Start, ChartStyle.Ink);
        y += TextLayer.LineHeight(style.TitleText);
        text.Draw(TextLayer.Fit(subtitle, style.Text, width), style.Text, centre, y,
            Align.Centre, Align.Start, ChartStyle.Muted);
    }
}
