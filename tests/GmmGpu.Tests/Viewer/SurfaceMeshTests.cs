using GmmGpu.Viewer.Rendering;
using GmmGpu.Viewer.Views;
using Xunit;

namespace GmmGpu.Tests.Viewer;

/// <summary>The surface's mesh: its vertices, and the cells left out as too faint to show.
/// </summary>
public sealed class SurfaceMeshTests
{
    [Fact]
    public void Triangles_NoCut_TwoPerCellInCellOrder()
    {
        float[] heights = new float[9];
        var indices = new uint[4 * 6];

        int count = SurfaceMesh.Triangles(heights, 3, cut: 0, indices);

        Assert.Equal(24, count);
        Assert.Equal([0u, 1, 4, 0, 4, 3], indices[..6]);
        Assert.Equal([4u, 5, 8, 4, 8, 7], indices[18..]);
    }

    [Fact]
    public void Triangles_Cut_LeavesOutExactlyTheCellsWhollyUnderIt()
    {
        const int n = 40;
        const float cut = 0.3f;
        var random = new Random(5);
        float[] heights = [.. Enumerable.Range(0, n * n).Select(_ => random.NextSingle() * 0.4f)];
        var indices = new uint[(n - 1) * (n - 1) * 6];

        int count = SurfaceMesh.Triangles(heights, n, cut, indices);

        var kept = new HashSet<uint>();
        for (int t = 0; t < count; t += 6)
        {
            // The cell's first corner is (i, j); its others are (i+1, j), (i, j+1), (i+1, j+1).
            uint a = indices[t];
            float highest = new[] { a, a + 1, a + n, a + n + 1 }.Max(c => heights[c]);
            Assert.True(highest >= cut, $"cell at {a} is under the cut");
            kept.Add(a);
        }

        int expected = 0;
        for (int j = 0; j + 1 < n; j++)
        {
            for (int i = 0; i + 1 < n; i++)
            {
                int a = (j * n) + i;
                int[] corners = [a, a + 1, a + n, a + n + 1];
                expected += corners.Any(c => heights[c] >= cut) ? 1 : 0;
            }
        }

        Assert.Equal(expected, kept.Count);
        Assert.Equal(expected * 6, count);
        Assert.InRange(expected, 1, ((n - 1) * (n - 1)) - 1);
    }

    [Theory]
    [InlineData(0.85f, 0.05f)]
    [InlineData(1f, 0.2f)]
    public void Invisible_LiesUnderTheShadersDiscard_WithAMarginOfHalf(float alpha, float fade)
    {
        // The fragment shader's own rule: alpha · smoothstep(0, fade, h), discarded under 1/255.
        Assert.Contains("uAlpha * smoothstep(0.0, uFade, vValue)", Shaders.SurfaceFragment);
        Assert.Contains("if (alpha < 1.0 / 255.0) { discard; }", Shaders.SurfaceFragment);
        double Alpha(double h)
        {
            double t = Math.Clamp(h / fade, 0, 1);
            return alpha * t * t * (3 - (2 * t));
        }

        float cut = SurfaceMesh.Invisible(alpha, fade);

        Assert.True(cut > 0);
        Assert.True(Alpha(1.9 * cut) < 1.0 / 255, $"{Alpha(1.9 * cut)} at 1.9 × the cut is drawn");
        Assert.True(Alpha(2.1 * cut) >= 1.0 / 255, "the cut is far under the discard");
        Assert.Equal(0, SurfaceMesh.Invisible(1, 0));
    }

    [Fact]
    public void Vertices_PositionNormalAndHeight()
    {
        // A plane rising along x: every normal leans back against x, none along y.
        const int n = 5;
        float[] heights = [.. Enumerable.Range(0, n * n).Select(v => v % n / (float)(n - 1))];

        float[] vertices = SurfaceMesh.Vertices(heights, n, scale: 0.5f);

        Assert.Equal(n * n * SurfaceMesh.FloatsPerVertex, vertices.Length);
        int last = ((n * n) - 1) * SurfaceMesh.FloatsPerVertex;
        Assert.Equal([-1f, -1f, 0f], vertices[..3]);
        Assert.Equal([1f, 1f, 0.5f], vertices[last..(last + 3)]);
        Assert.Equal(1f, vertices[last + 6]);
        // Inside the grid, rise 0.5 over run 2 (x from -1 to 1): normal ∝ (−0.25, 0, 1).
        int inside = ((2 * n) + 2) * SurfaceMesh.FloatsPerVertex;
        var normal = new System.Numerics.Vector3(
            vertices[inside + 3], vertices[inside + 4], vertices[inside + 5]);
        var expected = System.Numerics.Vector3.Normalize(new(-0.25f, 0, 1));
        Assert.Equal(expected.X, normal.X, 1e-6f);
        Assert.Equal(0f, normal.Y, 1e-6f);
        Assert.Equal(expected.Z, normal.Z, 1e-6f);
    }
}
