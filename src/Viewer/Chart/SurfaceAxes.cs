using System.Numerics;
using GmmGpu.Viewer.Rendering;

namespace GmmGpu.Viewer.Chart;

/// <summary>
/// The surface view's 3-D axes: the floor's outline, round ticks along the two floor edges
/// nearest the viewer (one per feature) and up a back corner (density), each with its label,
/// placed outward from the box so they stay clear of it.
/// </summary>
internal static class SurfaceAxes
{
    private static readonly Vector4 Edge = new(0.55f, 0.55f, 0.55f, 1);

    /// <param name="project">Pixel of a point of the box [−1, 1]² × [0, top].</param>
    /// <param name="x">The range of the feature along the box's x.</param>
    /// <param name="y">The range of the feature along the box's y.</param>
    /// <param name="top">The box's height at the density's maximum <paramref name="max"/>.</param>
    public static void Draw(Canvas canvas, TextLayer text, ChartStyle style,
        Func<Vector3, Vector2> project, (double Min, double Max) x,
        (double Min, double Max) y, double max, float top, string xLabel, string yLabel)
    {
        Vector3[] corners = [new(-1, -1, 0), new(1, -1, 0), new(1, 1, 0), new(-1, 1, 0)];
        Vector2[] floor = [.. corners.Select(project)];
        canvas.Polyline(floor, 1, Edge, closed: true);
        Vector2 centre = project(Vector3.Zero);

        // Each feature runs along the nearer of its two parallel floor edges: seen from above,
        // the one lower in the picture.
        float yFront = project(Vector3.UnitY).Y > project(-Vector3.UnitY).Y ? 1 : -1;
        float xFront = project(Vector3.UnitX).Y > project(-Vector3.UnitX).Y ? 1 : -1;
        FloorAxis(canvas, text, style, project, centre, x, new(-1, yFront, 0), new(1, yFront, 0),
            xLabel);
        FloorAxis(canvas, text, style, project, centre, y, new(xFront, -1, 0), new(xFront, 1, 0),
            yLabel);

        // Density up the corner furthest left on the screen, other than the one nearest the eye.
        Vector3 near = new(xFront, yFront, 0);
        Vector3 corner = corners.Where(c => c != near).MinBy(c => project(c).X);
        DensityAxis(canvas, text, style, project, corner, max, top);
    }

    private static void FloorAxis(Canvas canvas, TextLayer text, ChartStyle style,
        Func<Vector3, Vector2> project, Vector2 centre, (double Min, double Max) range,
        Vector3 from, Vector3 to, string label)
    {
        Vector2 a = project(from), b = project(to);
        Vector2 outward = Outward(((a + b) / 2) - centre);
        int most = Math.Clamp((int)(Vector2.Distance(a, b) / (4 * style.Text)), 2, 8);
        Ticks ticks = NiceTicks.Create(range.Min, range.Max, most);
        float reach = 0;
        for (int i = 0; i < ticks.Values.Count; i++)
        {
            float t = (float)((ticks.Values[i] - range.Min) / (range.Max - range.Min));
            Vector2 at = project(Vector3.Lerp(from, to, t));
            Vector2 end = at + (outward * style.TickLength);
            canvas.Line(at, end, 1, ChartStyle.Ink);
            reach = Math.Max(reach, Place(text, style, ticks.Labels[i], end, outward));
        }

        Place(text, style, label, ((a + b) / 2) + (outward * (style.TickLength + reach)),
            outward);
    }

    private static void DensityAxis(Canvas canvas, TextLayer text, ChartStyle style,
        Func<Vector3, Vector2> project, Vector3 corner, double max, float top)
    {
        Vector2 bottom = project(corner), upper = project(corner with { Z = top });
        canvas.Line(bottom, upper, 1, Edge);
        Ticks ticks = Axes.YTicks(0, max, Vector2.Distance(bottom, upper), style);
        float outermost = float.PositiveInfinity;
        Vector2 left = -Vector2.UnitX;
        for (int i = 0; i < ticks.Values.Count; i++)
        {
            Vector2 at = project(corner with { Z = (float)(ticks.Values[i] / max * top) });
            Vector2 end = at + (left * style.TickLength);
            canvas.Line(at, end, 1, ChartStyle.Ink);
            outermost = Math.Min(outermost, end.X - Place(text, style, ticks.Labels[i], end, left));
        }

        // Left of the furthest label: the corner's edge slants, so the labels do too.
        text.TryDraw("density", style.Text, outermost - ChartStyle.LabelGap,
            (bottom.Y + upper.Y) / 2, Align.Centre, Align.End, ChartStyle.Ink, upward: true);
    }

    /// <summary>
    /// Draws <paramref name="label"/> just beyond <paramref name="at"/> in direction
    /// <paramref name="outward"/> (unit); returns how far out its far side lies.
    /// </summary>
    private static float Place(TextLayer text, ChartStyle style, string label, Vector2 at,
        Vector2 outward)
    {
        float w = TextLayer.Measure(label, style.Text), h = style.Line;
        // Distance from a box's centre to its side along the direction.
        float half = (MathF.Abs(outward.X) * w / 2) + (MathF.Abs(outward.Y) * h / 2);
        Vector2 middle = at + (outward * (ChartStyle.LabelGap + half));
        text.TryDraw(label, style.Text, middle.X, middle.Y, Align.Centre, Align.Centre,
            ChartStyle.Ink);
        return ChartStyle.LabelGap + (2 * half);
    }

    private static Vector2 Outward(Vector2 v) =>
        v.LengthSquared() > 1e-6f ? Vector2.Normalize(v) : Vector2.UnitY;
}
