using System.Numerics;
using GmmGpu.Viewer.Rendering;

namespace GmmGpu.Viewer.Chart;

/// <summary>Where a piece of text sits on its anchor, along and across its line.</summary>
internal enum Align
{
    Start,
    Centre,
    End,
}

/// <summary>
/// The text of one frame: strings measured and laid out as glyph quads (x, y, u, v, r, g, b, a
/// per vertex), one batch per font size, and the box of every string placed, so a label that
/// would overlap another or leave the picture can be left out.
/// </summary>
internal sealed class TextLayer
{
    public const int FloatsPerVertex = 8;

    private readonly Dictionary<int, List<float>> batches = [];
    private readonly List<RectangleF> boxes = [];

    /// <param name="width">Width of the picture in pixels.</param>
    /// <param name="height">Height of the picture in pixels.</param>
    public TextLayer(int width, int height)
    {
        Width = width;
        Height = height;
    }

    public int Width { get; }

    public int Height { get; }

    /// <summary>The box of each string drawn since <see cref="Clear"/>, in pixels.</summary>
    public IReadOnlyList<RectangleF> Boxes => boxes;

    /// <summary>Glyph quads to draw, by atlas.</summary>
    public IEnumerable<(GlyphAtlas Atlas, List<float> Vertices)> Batches =>
        batches.Where(b => b.Value.Count > 0).Select(b => (GlyphAtlas.Get(b.Key), b.Value));

    public void Clear()
    {
        boxes.Clear();
        foreach (List<float> batch in batches.Values)
        {
            batch.Clear();
        }
    }

    /// <summary>Width of <paramref name="text"/> at font size <paramref name="size"/> (px).
    /// </summary>
    public static float Measure(string text, int size) => GlyphAtlas.Get(size).Measure(text);

    /// <summary>Height of a line at font size <paramref name="size"/> (px).</summary>
    public static float LineHeight(int size) => MathF.Ceiling(GlyphAtlas.Get(size).LineHeight);

    /// <summary>
    /// <paramref name="text"/> cut to at most <paramref name="width"/> pixels, ending in an
    /// ellipsis when cut.
    /// </summary>
    public static string Fit(string text, int size, float width)
    {
        if (Measure(text, size) <= width)
        {
            return text;
        }

        for (int n = text.Length - 1; n > 0; n--)
        {
            string cut = text[..n].TrimEnd() + "\u2026";
            if (Measure(cut, size) <= width)
            {
                return cut;
            }
        }

        return "";
    }

    /// <summary>
    /// The box <paramref name="text"/> takes when anchored at (x, y): <paramref name="along"/>
    /// places it along its line, <paramref name="across"/> across it (Start: the anchor is at
    /// the line's top); <paramref name="upward"/> text reads bottom to top.
    /// </summary>
    public static RectangleF Box(string text, int size, float x, float y, Align along,
        Align across, bool upward = false)
    {
        float w = Measure(text, size), h = LineHeight(size);
        float a0 = -w * Share(along), b0 = -h * Share(across);
        return upward
            ? new RectangleF(x + b0, y - a0 - w, x + b0 + h, y - a0)
            : new RectangleF(x + a0, y + b0, x + a0 + w, y + b0 + h);
    }

    /// <summary>Draws <paramref name="text"/> (see <see cref="Box"/>) and returns its box.
    /// </summary>
    public RectangleF Draw(string text, int size, float x, float y, Align along, Align across,
        Vector4 color, bool upward = false)
    {
        RectangleF box = Box(text, size, x, y, along, across, upward);
        if (text.Length > 0)
        {
            boxes.Add(box);
            AddGlyphs(text, size, x, y, along, across, color, upward);
        }

        return box;
    }

    /// <summary>
    /// Draws <paramref name="text"/> unless it would overlap text already drawn or leave the
    /// picture (a tick label that does not fit is left out); returns whether it drew.
    /// </summary>
    public bool TryDraw(string text, int size, float x, float y, Align along, Align across,
        Vector4 color, bool upward = false)
    {
        if (!Fits(Box(text, size, x, y, along, across, upward)))
        {
            return false;
        }

        Draw(text, size, x, y, along, across, color, upward);
        return true;
    }

    /// <summary>Whether a box lies inside the picture and overlaps no text drawn.</summary>
    public bool Fits(RectangleF box) =>
        box.Left >= -0.01f && box.Top >= -0.01f && box.Right <= Width + 0.01f
        && box.Bottom <= Height + 0.01f && !boxes.Exists(b => Overlap(b, box));

    /// <summary>Whether two boxes share more than an edge.</summary>
    public static bool Overlap(RectangleF a, RectangleF b) =>
        a.Left < b.Right - 0.01f && b.Left < a.Right - 0.01f
        && a.Top < b.Bottom - 0.01f && b.Top < a.Bottom - 0.01f;

    private static float Share(Align align) => align switch
    {
        Align.Start => 0,
        Align.Centre => 0.5f,
        _ => 1,
    };

    private void AddGlyphs(string text, int size, float x, float y, Align along, Align across,
        Vector4 color, bool upward)
    {
        GlyphAtlas atlas = GlyphAtlas.Get(size);
        if (!batches.TryGetValue(size, out List<float>? batch))
        {
            batch = [];
            batches[size] = batch;
        }

        float w = atlas.Measure(text), h = LineHeight(size);
        // Pen on the baseline, in the text's own frame (a along the line, b down across it),
        // whole pixels from the anchor, so each glyph's texels land on pixels one to one.
        float a = MathF.Round(-w * Share(along));
        float b = MathF.Round((-h * Share(across)) + atlas.Ascent);
        x = MathF.Round(x);
        y = MathF.Round(y);
        float pen = 0;
        foreach (char c in text)
        {
            Glyph g = atlas[c];
            if (g.Width > 0)
            {
                float a0 = a + MathF.Round(pen) + g.Left, b0 = b + g.Top;
                float a1 = a0 + g.Width, b1 = b0 + g.Height;
                Vector2 p00 = Place(x, y, a0, b0, upward), p10 = Place(x, y, a1, b0, upward);
                Vector2 p11 = Place(x, y, a1, b1, upward), p01 = Place(x, y, a0, b1, upward);
                Vertex(batch, p00, g.U0, g.V0, color);
                Vertex(batch, p10, g.U1, g.V0, color);
                Vertex(batch, p11, g.U1, g.V1, color);
                Vertex(batch, p00, g.U0, g.V0, color);
                Vertex(batch, p11, g.U1, g.V1, color);
                Vertex(batch, p01, g.U0, g.V1, color);
            }

            pen += g.Advance;
        }
    }

    /// <summary>The pixel of point (a, b) of a line anchored at (x, y).</summary>
    private static Vector2 Place(float x, float y, float a, float b, bool upward) =>
        upward ? new Vector2(x + b, y - a) : new Vector2(x + a, y + b);

    private static void Vertex(List<float> batch, Vector2 p, float u, float v, Vector4 color) =>
        batch.AddRange([p.X, p.Y, u, v, color.X, color.Y, color.Z, color.W]);
}
