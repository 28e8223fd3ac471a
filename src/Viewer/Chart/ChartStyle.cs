using System.Numerics;

namespace GmmGpu.Viewer.Chart;

/// <summary>
/// Sizes of a chart's furniture for one picture size, in pixels: the text grows with the
/// picture (11 px at 640×480, 14 px at 1280×720, 18 px at 1920×1080) and the gaps with the text.
/// </summary>
internal sealed record ChartStyle(int Text, int TitleText, float Pad, float TickLength)
{
    /// <summary>Colour of text, frames and ticks.</summary>
    public static readonly Vector4 Ink = new(0.15f, 0.15f, 0.15f, 1);

    /// <summary>Colour of the background: the picture, empty bins, round colour bars.</summary>
    public static readonly Vector4 Paper = new(1, 1, 1, 1);

    /// <summary>Colour of secondary text (the iteration line).</summary>
    public static readonly Vector4 Muted = new(0.35f, 0.35f, 0.35f, 1);

    /// <summary>Gap between a tick's end and its label.</summary>
    public const float LabelGap = 3;

    /// <summary>The style of a <paramref name="width"/> × <paramref name="height"/> picture.
    /// </summary>
    public static ChartStyle For(int width, int height)
    {
        float side = Math.Min(width, height);
        int text = (int)Math.Clamp(MathF.Round(11 + ((side - 480) / 80)), 11, 48);
        return new ChartStyle(text, (int)MathF.Round(text * 1.2f), MathF.Round(text * 0.7f),
            MathF.Round(text * 0.35f));
    }

    /// <summary>Height of a line of body text.</summary>
    public float Line => TextLayer.LineHeight(Text);
}
