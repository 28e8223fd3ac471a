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

    public void Rect(float x0, float y0, float x1, float y1, Vector4 colour)
    {
        Vertex(x0, y0, colour);
        Vertex(x1, y0, colour);
        Vertex(x1, y1, colour);
        Vertex(x0, y0, colour);
        Vertex(x1, y1, colour);
        Vertex(x0, y1, colour);
    }

    /// <summary>
    /// A segment <paramref name="width"/> pixels wide, extended by half a width at each end.
    /// </summary>
    public void Line(Vector2 a, Vector2 b, float width, Vector4 colour)
    {
        Vector2 along = b - a;
        float length = along.Length();
        if (length < 1e-6f)
        {
            return;
        }

        along /= length;
        Vector2 side = new Vector2(-along.Y, along.X) * (width / 2);
        Vector2 cap = along * (width / 2);
        Vector2 p0 = a - cap + side, p1 = a - cap - side, p2 = b + cap - side, p3 = b + cap + side;
        Vertex(p0.X, p0.Y, colour);
        Vertex(p1.X, p1.Y, colour);
        Vertex(p2.X, p2.Y, colour);
        Vertex(p0.X, p0.Y, colour);
        Vertex(p2.X, p2.Y, colour);
        Vertex(p3.X, p3.Y, colour);
    }

    public void Polyline(ReadOnlySpan<Vector2> points, float width, Vector4 colour, bool closed)
    {
        for (int i = 1; i < points.Length; i++)
        {
            Line(points[i - 1], points[i], width, colour);
        }

        if (closed && points.Length > 2)
        {
            Line(points[^1], points[0], width, colour);
        }
    }

    private void Vertex(float x, float y, Vector4 colour)
    {
        vertices.Add(x);
        vertices.Add(y);
        vertices.Add(colour.X);
        vertices.Add(colour.Y);
        vertices.Add(colour.Z);
        vertices.Add(colour.W);
    }
}
