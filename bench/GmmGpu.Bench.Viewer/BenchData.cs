using GmmGpu;
using GmmGpu.Em;
using GmmGpu.TestData;

namespace GmmGpu.Bench.Viewer;

/// <summary>The pictured mixture: three 2-D components, and points drawn from it.</summary>
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

    /// <summary>N points, shape (N, 2), drawn from <see cref="Model"/> (seeded).</summary>
    public static float[] Points(int n) =>
        SeededMixture.Points(1, MixtureKernelModel.Build(Model()), n);
}
