using System.Numerics;

namespace GmmGpu.Viewer.Rendering;

/// <summary>
/// Coloured triangles in pixel coordinates (origin top left, y down), built on the CPU and
/// drawn in one call. Wide lines are quads: the core profile has no glLineWidth above 1.
/// </summary>
internal sealed class Canvas
{
    public const int FloatsPerVertex = 6;

    private readonly List<float> vertices = [];

    public ReadOnlySpan<float> Vertices => System.Runtime.InteropServices.CollectionsMarshal
        .AsSpan(vertices);

    public void Clear() => vertices.Clear();

    public void Rect(float x0, float y0, float x1, float y1, Vector4 color)
    {
        Vertex(x0, y0, color);
        Vertex(x1, y0, color);
        Vertex(x1, y1, color);
        Vertex(x0, y0, color);
        Vertex(x1, y1, color);
        Vertex(x0, y1, color);
    }

    /// <summary>
    /// A segment <paramref name="width"/> pixels wide, extended by half a width at each end
    /// unless <paramref name="caps"/> is false (segments that meet end to end, such as
    /// contour pieces, then do not overlap, which would darken translucent ink).
    /// </summary>
    public void Line(Vector2 a, Vector2 b, float width, Vector4 color, bool caps = true)
    {
        Vector2 along = b - a;
        float length = along.Length();
        if (length < 1e-6f)
        {
            return;
        }

        along /= length;
        Vector2 side = new Vector2(-along.Y, along.X) * (width / 2);
        Vector2 cap = caps ? along * (width / 2) : Vector2.Zero;
        Quad(a - cap + side, a - cap - side, b + cap - side, b + cap + side, color);
    }

    /// <summary>
    /// A line <paramref name="width"/> pixels wide through <paramref name="points"/>, with
    /// mitred joins (no overlaps, no notches; very sharp corners are bevelled short) and, when
    /// open, square ends half a width long.
    /// </summary>
    public void Polyline(ReadOnlySpan<Vector2> points, float width, Vector4 color, bool closed)
    {
        int n = points.Length;
        if (n < 2)
        {
            return;
        }

        if (n == 2 || (closed && n < 3))
        {
            Line(points[0], points[1], width, color);
            return;
        }

        float half = width / 2;
        Vector2 previousLeft = default, previousRight = default;
        int count = closed ? n + 1 : n;
        for (int i = 0; i < count; i++)
        {
            int at = i % n;
            Vector2 p = points[at];
            Vector2 incoming = !closed && at == 0 ? Direction(p, points[1])
                : Direction(points[(at - 1 + n) % n], p);
            Vector2 outgoing = !closed && at == n - 1 ? incoming
                : Direction(p, points[(at + 1) % n]);
            if (!closed && at == 0)
            {
                incoming = outgoing;
                p -= outgoing * half;
            }
            else if (!closed && at == n - 1)
            {
                p += incoming * half;
            }

            Vector2 normal = Normal(incoming) + Normal(outgoing);
            normal = normal.LengthSquared() < 1e-12f ? Normal(incoming) : Vector2.Normalize(normal);
            // Mitre: the offset that keeps both edges half a width away, at most a width.
            float cos = Vector2.Dot(normal, Normal(incoming));
            Vector2 offset = normal * Math.Min(half / Math.Max(cos, 1e-3f), width);
            Vector2 left = p + offset, right = p - offset;
            if (i > 0)
            {
                Quad(previousLeft, previousRight, right, left, color);
            }

            (previousLeft, previousRight) = (left, right);
        }
    }

    public void Triangle(Vector2 a, Vector2 b, Vector2 c, Vector4 color)
    {
        Vertex(a.X, a.Y, color);
        Vertex(b.X, b.Y, color);
        Vertex(c.X, c.Y, color);
    }

    /// <summary>A filled circle of <paramref name="radius"/> pixels about
    /// <paramref name="centre"/>.</summary>
    public void Disc(Vector2 centre, float radius, Vector4 color)
    {
        int segments = Math.Clamp((int)(radius * 4), 12, 64);
        Vector2 last = centre + new Vector2(radius, 0);
        for (int i = 1; i <= segments; i++)
        {
            float t = 2 * MathF.PI * i / segments;
            Vector2 next = centre + (radius * new Vector2(MathF.Cos(t), MathF.Sin(t)));
            Vertex(centre.X, centre.Y, color);
            Vertex(last.X, last.Y, color);
            Vertex(next.X, next.Y, color);
            last = next;
        }
    }

    private static Vector2 Direction(Vector2 from, Vector2 to)
    {
        Vector2 d = to - from;
        float length = d.Length();
        return length < 1e-6f ? Vector2.UnitX : d / length;
    }

    private static Vector2 Normal(Vector2 direction) => new(-direction.Y, direction.X);

    private void Quad(Vector2 p0, Vector2 p1, Vector2 p2, Vector2 p3, Vector4 color)
    {
        Vertex(p0.X, p0.Y, color);
        Vertex(p1.X, p1.Y, color);
        Vertex(p2.X, p2.Y, color);
        Vertex(p0.X, p0.Y, color);
        Vertex(p2.X, p2.Y, color);
        Vertex(p3.X, p3.Y, color);
    }

    private void Vertex(float x, float y, Vector4 color) =>
        vertices.AddRange([x, y, color.X, color.Y, color.Z, color.W]);
}
