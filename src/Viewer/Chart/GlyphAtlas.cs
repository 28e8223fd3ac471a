using System.Collections.Concurrent;
using SkiaSharp;

namespace GmmGpu.Viewer.Chart;

/// <summary>
/// The glyphs of DejaVu Sans at one pixel size, rasterised once by SkiaSharp (anti-aliased)
/// into one coverage image (one byte a pixel, row 0 on top), with each glyph's place in it and
/// its metrics. Immutable: one atlas a size serves every renderer in the process.
/// </summary>
internal sealed class GlyphAtlas
{
    /// <summary>The characters drawn; any other is drawn as '?'.</summary>
    public const string Characters =
        " !\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`"
        + "abcdefghijklmnopqrstuvwxyz{|}~\u00b0\u00b2\u00b7\u00d7\u03c3\u2212\u2013\u2014\u2026";

    /// <summary>Empty texels around each glyph, so linear sampling never bleeds.</summary>
    private const int Pad = 1;

    private static readonly ConcurrentDictionary<int, GlyphAtlas> Atlases = new();
    private static readonly Lazy<SKTypeface> Face = new(LoadFace);

    private readonly Dictionary<char, Glyph> glyphs;

    private GlyphAtlas(int pixelSize, int width, int height, byte[] coverage,
        Dictionary<char, Glyph> glyphs, float ascent, float descent)
    {
        PixelSize = pixelSize;
        Width = width;
        Height = height;
        Coverage = coverage;
        this.glyphs = glyphs;
        Ascent = ascent;
        Descent = descent;
    }

    /// <summary>The font's size (em) in pixels.</summary>
    public int PixelSize { get; }

    /// <summary>Width of the coverage image in pixels.</summary>
    public int Width { get; }

    /// <summary>Height of the coverage image in pixels.</summary>
    public int Height { get; }

    /// <summary>Coverage 0..255, shape (Height, Width), row 0 on top.</summary>
    public byte[] Coverage { get; }

    /// <summary>Pixels from the top of a line to its baseline (positive).</summary>
    public float Ascent { get; }

    /// <summary>Pixels from the baseline to the bottom of a line (positive).</summary>
    public float Descent { get; }

    /// <summary>Height of a line of text: <see cref="Ascent"/> + <see cref="Descent"/>.</summary>
    public float LineHeight => Ascent + Descent;

    /// <summary>The atlas of <paramref name="pixelSize"/> (4..200), made on first use.</summary>
    public static GlyphAtlas Get(int pixelSize)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(pixelSize, 4);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(pixelSize, 200);
        return Atlases.GetOrAdd(pixelSize, Rasterise);
    }

    /// <summary>The glyph drawn for <paramref name="c"/>.</summary>
    public Glyph this[char c] => glyphs.TryGetValue(c, out Glyph g) ? g : glyphs['?'];

    /// <summary>The width of <paramref name="text"/> in pixels, as it is drawn.</summary>
    public float Measure(string text)
    {
        float pen = 0;
        foreach (char c in text)
        {
            pen += this[c].Advance;
        }

        return MathF.Round(pen);
    }

    private static SKTypeface LoadFace()
    {
        using Stream? stream = typeof(GlyphAtlas).Assembly.GetManifestResourceStream(
            "GmmGpu.Viewer.Chart.Fonts.DejaVuSans.ttf");
        return stream is null
            ? throw new InvalidOperationException("the DejaVu Sans font is not embedded.")
            : SKTypeface.FromStream(stream)
                ?? throw new InvalidOperationException("the DejaVu Sans font is unreadable.");
    }

    private static GlyphAtlas Rasterise(int pixelSize)
    {
        using var font = new SKFont(Face.Value, pixelSize)
        {
            Edging = SKFontEdging.Antialias,
            Hinting = SKFontHinting.Slight,
            Subpixel = false,
        };
        string chars = Characters;
        var advances = new float[chars.Length];
        var bounds = new SKRect[chars.Length];
        font.GetGlyphWidths(chars.AsSpan(), advances, bounds);

        // Shelf packing: glyphs left to right in rows as tall as the font.
        int cellHeight = (int)MathF.Ceiling(font.Metrics.Bottom - font.Metrics.Top) + (2 * Pad);
        int width = Math.Max(64, (int)MathF.Ceiling(MathF.Sqrt(chars.Length) * pixelSize * 0.9f));
        var cells = new (int X, int Y, int W, int H)[chars.Length];
        int x = 0, y = 0;
        for (int i = 0; i < chars.Length; i++)
        {
            SKRect b = bounds[i];
            int w = b.IsEmpty ? 0 : (int)MathF.Ceiling(b.Right) - (int)MathF.Floor(b.Left) + (2 * Pad);
            int h = b.IsEmpty ? 0 : (int)MathF.Ceiling(b.Bottom) - (int)MathF.Floor(b.Top) + (2 * Pad);
            if (x + w > width)
            {
                (x, y) = (0, y + cellHeight);
            }

            cells[i] = (x, y, w, h);
            x += w;
        }

        int height = y + cellHeight;
        var coverage = new byte[width * height];
        var info = new SKImageInfo(width, height, SKColorType.Alpha8, SKAlphaType.Premul);
        using (var bitmap = new SKBitmap(info))
        using (var canvas = new SKCanvas(bitmap))
        using (var paint = new SKPaint { Color = SKColors.White, IsAntialias = true })
        {
            canvas.Clear(SKColors.Transparent);
            for (int i = 0; i < chars.Length; i++)
            {
                if (cells[i].W == 0)
                {
                    continue;
                }

                // Whole-pixel origins: a glyph drawn at a whole pixel is these very texels.
                float originX = cells[i].X + Pad - MathF.Floor(bounds[i].Left);
                float originY = cells[i].Y + Pad - MathF.Floor(bounds[i].Top);
                canvas.DrawText(chars[i].ToString(), originX, originY, SKTextAlign.Left, font,
                    paint);
            }

            canvas.Flush();
            bitmap.GetPixelSpan().CopyTo(coverage);
        }

        var glyphs = new Dictionary<char, Glyph>(chars.Length);
        for (int i = 0; i < chars.Length; i++)
        {
            (int cx, int cy, int w, int h) = cells[i];
            float left = MathF.Floor(bounds[i].Left) - Pad, top = MathF.Floor(bounds[i].Top) - Pad;
            glyphs[chars[i]] = new Glyph(advances[i], left, top, w, h,
                (float)cx / width, (float)cy / height, (float)(cx + w) / width,
                (float)(cy + h) / height);
        }

        return new GlyphAtlas(pixelSize, width, height, coverage, glyphs,
            -font.Metrics.Ascent, font.Metrics.Descent);
    }
}

/// <summary>
/// One glyph: how far it moves the pen, its image's top-left corner relative to the pen on the
/// baseline (y down) and size in pixels, and the image's texture coordinates (v down).
/// </summary>
internal readonly record struct Glyph(float Advance, float Left, float Top, int Width,
    int Height, float U0, float V0, float U1, float V1);
