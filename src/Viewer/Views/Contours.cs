using System.Numerics;

namespace GmmGpu.Viewer.Views;

/// <summary>Marching squares: the segments where a grid of values crosses a level.</summary>
internal static class Contours
{
    /// <summary>
    /// Adds the segments of level <paramref name="level"/> of <paramref name="values"/>
    /// (shape (height, width), row-major) in grid coordinates (column, row).
    /// </summary>
    public static void Trace(
        ReadOnlySpan<float> values, int width, int height, float level,
        List<(Vector2, Vector2)> segments)
    {
        Span<Vector2> crossings = stackalloc Vector2[4];
        for (int j = 0; j + 1 < height; j++)
        {
            for (int i = 0; i + 1 < width; i++)
            {
                float v00 = values[(j * width) + i], v10 = values[(j * width) + i + 1];
                float v01 = values[((j + 1) * width) + i], v11 = values[((j + 1) * width) + i + 1];
                int n = 0;
                Vector2 p00 = new(i, j), p10 = new(i + 1, j);
                Vector2 p01 = new(i, j + 1), p11 = new(i + 1, j + 1);
                Cross(v00, v10, level, p00, p10, crossings, ref n);
                Cross(v10, v11, level, p10, p11, crossings, ref n);
                Cross(v11, v01, level, p11, p01, crossings, ref n);
                Cross(v01, v00, level, p01, p00, crossings, ref n);
                if (n >= 2)
                {
                    segments.Add((crossings[0], crossings[1]));
                }

                if (n == 4)
                {
                    segments.Add((crossings[2], crossings[3]));
                }
            }
        }
    }

    private static void Cross(
        float a, float b, float level, Vector2 pa, Vector2 pb, Span<Vector2> crossings, ref int n)
    {
        if ((a < level) != (b < level))
        {
            float t = (level - a) / (b - a);
            crossings[n++] = Vector2.Lerp(pa, pb, t);
        }
    }
}
