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

    /// <summary>
    /// The figures of a fit's first <paramref name="iterations"/> iterations, as the live view
    /// has them: a log-likelihood rising towards -2.8 by ever smaller steps.
    /// </summary>
    public static IterationRecord[] History(int iterations)
    {
        const int n = 1_000_000, parameters = 17;
        var records = new IterationRecord[iterations];
        double previous = double.NegativeInfinity;
        for (int i = 0; i < iterations; i++)
        {
            double logLikelihood = -2.8 - (0.5 * Math.Pow(0.7, i));
            double aic = (-2 * n * logLikelihood) + (2 * parameters);
            double bic = (-2 * n * logLikelihood) + (parameters * Math.Log(n));
            records[i] = new IterationRecord(i + 1, logLikelihood, logLikelihood - previous,
                aic, bic, TimeSpan.FromMilliseconds(4));
            previous = logLikelihood;
        }

        return records;
    }

    /// <summary>N points, shape (N, 2), drawn from <see cref="Model"/> (seeded).</summary>
    public static float[] Points(int n) =>
        SeededMixture.Points(1, MixtureKernelModel.Build(Model()), n);
}
