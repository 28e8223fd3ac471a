using GmmGpu;

namespace GmmGpu.Bench.Viewer;

/// <summary>A seeded three-component 2-D mixture and points drawn from it.</summary>
internal static class BenchData
{
    private static readonly double[] Means = [0, 0, 3, 2, -2.5, 1.5];

    private static readonly double[] Covariances =
        [1, 0.2, 0.2, 0.5, 0.3, 0, 0, 0.3, 0.6, -0.1, -0.1, 0.4];

    /// <summary>The mixture, its first mean moved by <paramref name="shift"/> along x.</summary>
    public static MixtureParameters Model(double shift = 0)
    {
        double[] means = [.. Means];
        means[0] += shift;
        return new MixtureParameters(
            CovarianceType.Full, 3, 2, [0.5, 0.3, 0.2], means, Covariances);
    }

    /// <summary>N points, shape (N, 2), drawn in parallel blocks (seeded per block).</summary>
    public static float[] Points(int n)
    {
        var values = new float[n * 2];
        const int block = 1 << 18;
        Parallel.For(0, (n + block - 1) / block, b =>
        {
            var random = new Random(b);
            for (int i = b * block; i < Math.Min(n, (b + 1) * block); i++)
            {
                double u = random.NextDouble();
                int k = u < 0.5 ? 0 : u < 0.8 ? 1 : 2;
                double z1 = Normal(random), z2 = Normal(random);
                double[] c = Covariances;
                double l11 = Math.Sqrt(c[4 * k]), l21 = c[(4 * k) + 1] / l11;
                double l22 = Math.Sqrt(c[(4 * k) + 3] - (l21 * l21));
                values[2 * i] = (float)(Means[2 * k] + (l11 * z1));
                values[(2 * i) + 1] = (float)(Means[(2 * k) + 1] + (l21 * z1) + (l22 * z2));
            }
        });
        return values;
    }

    private static double Normal(Random random)
    {
        double u = 1 - random.NextDouble(), v = random.NextDouble();
        return Math.Sqrt(-2 * Math.Log(u)) * Math.Cos(2 * Math.PI * v);
    }
}
