using System.Numerics;

namespace GmmGpu.Viewer.Rendering;

/// <summary>
/// Round dots splatted on the CPU into an opaque RGBA image of a pixel rectangle over paper,
/// each blended over what is there as GL blends (source alpha, in 8-bit steps), with a smooth
/// edge a pixel wide. A zoomed-in points view draws its 100,000-row sample this way: as GL
/// point sprites on llvmpipe every dot cost two triangles' setup (about 40 ms a frame).
/// </summary>
internal sealed class DotImage
{
    private byte[] rgba = [];

    /// <summary>Left and top pixel of the image in its panel (whole pixels).</summary>
    public int Left { get; private set; }

    /// <inheritdoc cref="Left"/>
    public int Top { get; private set; }

    public int Width { get; private set; }

    public int Height { get; private set; }

    /// <summary>RGBA bytes, shape (Height, Width, 4), bottom row first (as a texture's).
    /// </summary>
    public ReadOnlySpan<byte> Rgba => rgba.AsSpan(0, Width * Height * 4);

    /// <summary>The pixel rectangle it covers, in panel pixels.</summary>
    public RectangleF Bounds => new(Left, Top, Left + Width, Top + Height);

    /// <summary>Starts an image of the whole pixels that <paramref name="rect"/> touches,
    /// filled with <paramref name="paper"/>.</summary>
    public void Begin(RectangleF rect, Vector4 paper)
    {
        Left = (int)MathF.Floor(rect.Left);
        Top = (int)MathF.Floor(rect.Top);
        Width = Math.Max(1, (int)MathF.Ceiling(rect.Right) - Left);
        Height = Math.Max(1, (int)MathF.Ceiling(rect.Bottom) - Top);
        if (rgba.Length < Width * Height * 4)
        {
            rgba = new byte[Width * Height * 4];
        }

        byte[] texel = [Byte(paper.X), Byte(paper.Y), Byte(paper.Z), 255];
        for (int i = 0; i < Width * Height; i++)
        {
            texel.CopyTo(rgba, i * 4);
        }
    }

    /// <summary>
    /// A dot <paramref name="diameter"/> pixels across centred on (x, y) (panel pixels, y
    /// down): each pixel covered by the share of its centre's distance inside the dot's edge
    /// (1 to 0 over the pixel across the radius), clipped to the image.
    /// </summary>
    public void Dot(float x, float y, float diameter, Vector4 color)
    {
        float reach = (diameter / 2) + 0.5f;
        int x0 = Math.Max(Left, (int)MathF.Floor(x - reach));
        int x1 = Math.Min(Left + Width - 1, (int)MathF.Floor(x + reach));
        int y0 = Math.Max(Top, (int)MathF.Floor(y - reach));
        int y1 = Math.Min(Top + Height - 1, (int)MathF.Floor(y + reach));
        for (int py = y0; py <= y1; py++)
        {
            int row = (Height - 1 - (py - Top)) * Width;
            for (int px = x0; px <= x1; px++)
            {
                float dx = px + 0.5f - x, dy = py + 0.5f - y;
                float coverage = Math.Clamp(reach - MathF.Sqrt((dx * dx) + (dy * dy)), 0, 1);
                if (coverage <= 0)
                {
                    continue;
                }

                float a = color.W * coverage;
                int at = (row + px - Left) * 4;
                rgba[at] = Blend(color.X, rgba[at], a);
                rgba[at + 1] = Blend(color.Y, rgba[at + 1], a);
                rgba[at + 2] = Blend(color.Z, rgba[at + 2], a);
            }
        }
    }

    private static byte Blend(float source, byte destination, float alpha) =>
        (byte)Math.Clamp(MathF.Round((source * 255 * alpha) + (destination * (1 - alpha))),
            0, 255);

    private static byte Byte(float value) => (byte)Math.Clamp(MathF.Round(value * 255), 0, 255);
}
