using System.Numerics;

namespace GmmGpu.Viewer;

public sealed partial class MixtureRenderer
{
    private const int SurfaceGrid = 128;

    private void DrawSurface(ViewFrame frame, PlotData data)
    {
        (double xMin, double xMax) = data.Range(data.DimX);
        (double yMin, double yMax) = data.Range(data.DimY);
        const int n = SurfaceGrid;
        float[] density = EvaluateDensity(frame.Parameters, data, n, n, xMin, xMax, yMin, yMax);
        float max = density.Max();
        max = max > 0 && float.IsFinite(max) ? max : 1;
        var heights = new float[n * n];
        for (int i = 0; i < heights.Length; i++)
        {
            heights[i] = density[i] / max;
        }

        float step = 2f / (n - 1);
        const float scale = 0.9f;
        Vector3 Position(int i, int j) =>
            new(-1 + (i * step), -1 + (j * step), heights[(j * n) + i] * scale);

        Vector3 Normal(int i, int j)
        {
            int left = Math.Max(i - 1, 0), right = Math.Min(i + 1, n - 1);
            int below = Math.Max(j - 1, 0), above = Math.Min(j + 1, n - 1);
            float dx = (heights[(j * n) + right] - heights[(j * n) + left]) * scale;
            float dy = (heights[(above * n) + i] - heights[(below * n) + i]) * scale;
            return Vector3.Normalize(new Vector3(-dx / (2 * step), -dy / (2 * step), 1));
        }

        var vertices = new float[(n - 1) * (n - 1) * 6 * 7];
        int v = 0;
        void Add(int i, int j)
        {
            Vector3 p = Position(i, j), q = Normal(i, j);
            vertices[v++] = p.X;
            vertices[v++] = p.Y;
            vertices[v++] = p.Z;
            vertices[v++] = q.X;
            vertices[v++] = q.Y;
            vertices[v++] = q.Z;
            vertices[v++] = heights[(j * n) + i];
        }

        for (int j = 0; j + 1 < n; j++)
        {
            for (int i = 0; i + 1 < n; i++)
            {
                Add(i, j);
                Add(i + 1, j);
                Add(i + 1, j + 1);
                Add(i, j);
                Add(i + 1, j + 1);
                Add(i, j + 1);
            }
        }

        float azimuth = float.DegreesToRadians(SurfaceAzimuth);
        float elevation = float.DegreesToRadians(SurfaceElevation);
        const float distance = 3.6f;
        var target = new Vector3(0, 0, 0.3f);
        Vector3 eye = target + (distance * new Vector3(
            MathF.Cos(elevation) * MathF.Cos(azimuth), MathF.Cos(elevation) * MathF.Sin(azimuth),
            MathF.Sin(elevation)));
        Matrix4x4 view = Matrix4x4.CreateLookAt(eye, target, Vector3.UnitZ);
        Matrix4x4 projection = Matrix4x4.CreatePerspectiveFieldOfView(
            float.DegreesToRadians(40), (float)Width / Height, 0.1f, 20);
        painter.DrawSurface(vertices, view * projection, new Vector3(0.4f, -0.3f, 1));
    }
}
