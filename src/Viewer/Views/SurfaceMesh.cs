using System.Numerics;

namespace GmmGpu.Viewer.Views;

/// <summary>
/// The surface view's mesh over an n × n grid of heights in [0, 1] (index j·n + i, row j = y),
/// spanning [-1, 1]² on the floor: its vertices, and the triangles of the cells that can show.
/// </summary>
internal static class SurfaceMesh
{
    /// <summary>Floats per vertex: position (3), normal (3), height (1).</summary>
    public const int FloatsPerVertex = 7;

    /// <summary>
    /// One vertex per grid point: position (x, y in [-1, 1], height × <paramref name="scale"/>),
    /// the normal from central differences, and the height itself (the surface's colour).
    /// </summary>
    public static float[] Vertices(ReadOnlySpan<float> heights, int n, float scale)
    {
        float step = 2f / (n - 1);
        var vertices = new float[n * n * FloatsPerVertex];
        int v = 0;
        for (int j = 0; j < n; j++)
        {
            int below = Math.Max(j - 1, 0), above = Math.Min(j + 1, n - 1);
            for (int i = 0; i < n; i++)
            {
                int left = Math.Max(i - 1, 0), right = Math.Min(i + 1, n - 1);
                float dx = (heights[(j * n) + right] - heights[(j * n) + left]) * scale;
                float dy = (heights[(above * n) + i] - heights[(below * n) + i]) * scale;
                Vector3 normal = Vector3.Normalize(
                    new Vector3(-dx / (2 * step), -dy / (2 * step), 1));
                float h = heights[(j * n) + i];
                vertices[v++] = -1 + (i * step);
                vertices[v++] = -1 + (j * step);
                vertices[v++] = h * scale;
                vertices[v++] = normal.X;
                vertices[v++] = normal.Y;
                vertices[v++] = normal.Z;
                vertices[v++] = h;
            }
        }

        return vertices;
    }

    /// <summary>
    /// The triangles of every cell with a corner at or above <paramref name="cut"/> (0: every
    /// cell), two per cell in cell order: (i, j), (i+1, j), (i+1, j+1) and (i, j), (i+1, j+1),
    /// (i, j+1). A height inside a triangle lies between its corners', so a cell whose corners
    /// are all under the cut has none at or above it either.
    /// </summary>
    /// <param name="indices">At least (n − 1)² · 6 long; filled from the start.</param>
    /// <returns>How many indices were written.</returns>
    public static int Triangles(ReadOnlySpan<float> heights, int n, float cut, Span<uint> indices)
    {
        int at = 0;
        for (int j = 0; j + 1 < n; j++)
        {
            for (int i = 0; i + 1 < n; i++)
            {
                int a = (j * n) + i, d = a + n;
                if (cut > 0 && heights[a] < cut && heights[a + 1] < cut && heights[d] < cut
                    && heights[d + 1] < cut)
                {
                    continue;
                }

                uint ua = (uint)a, ub = ua + 1, uc = (uint)d + 1, ud = (uint)d;
                (indices[at], indices[at + 1], indices[at + 2]) = (ua, ub, uc);
                (indices[at + 3], indices[at + 4], indices[at + 5]) = (ua, uc, ud);
                at += 6;
            }
        }

        return at;
    }

    /// <summary>
    /// The height under which the surface's shader discards every fragment when it is
    /// <paramref name="alpha"/> opaque and fades out from <paramref name="fade"/> to 0 (see
    /// <see cref="Rendering.GlPainter.DrawSurface"/>), with a margin of half; 0 without a
    /// fade (every fragment drawn).
    /// </summary>
    public static float Invisible(float alpha, float fade)
    {
        if (fade <= 0)
        {
            return 0;
        }

        // alpha · smoothstep(0, fade, h) < 1/255 (the shader's discard); smoothstep rises.
        double low = 0, high = fade;
        for (int step = 0; step < 60; step++)
        {
            double h = (low + high) / 2, t = h / fade;
            bool discarded = alpha * t * t * (3 - (2 * t)) < 1.0 / 255;
            (low, high) = discarded ? (h, high) : (low, h);
        }

        return (float)(low / 2);
    }
}
