using GmmGpu.Viewer;

namespace GmmGpu.Tests.Viewer;

/// <summary>Seeded data and known models for the pixel tests.</summary>
internal static class ViewerFixtures
{
    /// <summary>
    /// N points of a 2-D diagonal Gaussian with means (mx, my) and deviations (sx, sy).
    /// </summary>
    public static float[] Gaussian2D(int n, double mx, double my, double sx, double sy, int seed)
    {
        var random = new Random(seed);
        var values = new float[n * 2];
        for (int i = 0; i < n; i++)
        {
            values[2 * i] = (float)(mx + (sx * Normal(random)));
            values[(2 * i) + 1] = (float)(my + (sy * Normal(random)));
        }

        return values;
    }

    /// <summary>
    /// One-feature data: fraction <paramref name="share"/> from N(m1, s1), the rest from N(m2, s2).
    /// </summary>
    public static float[] Mixture1D(
        int n, double share, double m1, double s1, double m2, double s2, int seed)
    {
        var random = new Random(seed);
        var values = new float[n];
        for (int i = 0; i < n; i++)
        {
            values[i] = random.NextDouble() < share
                ? (float)(m1 + (s1 * Normal(random)))
                : (float)(m2 + (s2 * Normal(random)));
        }

        return values;
    }

    public static MixtureParameters OneComponent(double mx, double my, double sx, double sy) =>
        new(CovarianceType.Diagonal, 1, 2, [1.0], [mx, my], [sx * sx, sy * sy]);

    public static (byte R, byte G, byte B) Pixel(byte[] rgba, int width, int x, int y)
    {
        int i = ((y * width) + x) * 4;
        return (rgba[i], rgba[i + 1], rgba[i + 2]);
    }

    /// <summary>
    /// The centre of the pixels of <paramref name="color"/> inside the layout's plot area, and
    /// how many there are (the heat map's peak is drawn in the top colour).
    /// </summary>
    public static (double X, double Y, int Count) CentreOfColor(
        byte[] rgba, int width, PlotLayout layout, (byte R, byte G, byte B) color)
    {
        double sx = 0, sy = 0;
        int count = 0;
        for (int y = (int)layout.Plot.Top; y < (int)layout.Plot.Bottom; y++)
        {
            for (int x = (int)layout.Plot.Left; x < (int)layout.Plot.Right; x++)
            {
                if (Pixel(rgba, width, x, y) == color)
                {
                    (sx, sy, count) = (sx + x + 0.5, sy + y + 0.5, count + 1);
                }
            }
        }

        return count == 0 ? (double.NaN, double.NaN, 0) : (sx / count, sy / count, count);
    }

    public static ViewFrame Frame(MixtureParameters parameters) => new(parameters, []);

    private static double Normal(Random random)
    {
        double u = 1 - random.NextDouble(), v = random.NextDouble();
        return Math.Sqrt(-2 * Math.Log(u)) * Math.Cos(2 * Math.PI * v);
    }
}
