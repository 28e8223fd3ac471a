using GmmGpu.Covariance;
using GmmGpu.Passes;

namespace GmmGpu.Initialisation;

/// <summary>Starting parameters for one EM run, per <see cref="InitMethod"/>.</summary>
internal static class Initializer
{
    public static MixtureParameters Create(
        GaussianMixtureOptions options,
        DataPasses data,
        Random random,
        CancellationToken cancellationToken)
    {
        int k = options.Components, d = data.Columns;
        switch (options.Init)
        {
            case InitMethod.KMeansPlusPlus:
            {
                float[] seeds = KMeansSeeding.PlusPlus(data, k, random, cancellationToken);
                return FromCentres(options, data, seeds, cancellationToken);
            }

            case InitMethod.KMeans:
            {
                float[] seeds = KMeansSeeding.PlusPlus(data, k, random, cancellationToken);
                double variance = data.Moments(cancellationToken).Variance.Average();
                KMeansSeeding.Refine(data, seeds, k, variance, cancellationToken);
                return FromCentres(options, data, seeds, cancellationToken);
            }

            case InitMethod.RandomFromData:
                return FromCentres(
                    options, data, DistinctRows(data, k, random), cancellationToken);

            case InitMethod.Random:
                return AroundDataMean(options, data, random, cancellationToken);

            case InitMethod.Uniform:
                return UniformInBoundingBox(options, data.Moments(cancellationToken), d, random);

            default:
                throw new ArgumentOutOfRangeException(nameof(options), options.Init, "Unknown init method.");
        }
    }

    private static MixtureParameters FromCentres(
        GaussianMixtureOptions options,
        DataPasses data,
        float[] centres,
        CancellationToken cancellationToken) =>
        HardAssignment.Estimate(
            data, centres, options.Components, options.CovarianceType, options.RegCovar,
            cancellationToken);

    private static float[] DistinctRows(DataPasses data, int k, Random random)
    {
        long n = data.Rows;
        int d = data.Columns;
        var rows = new HashSet<long>();
        var centres = new float[k * d];
        int attempts = 0;
        for (int c = 0; c < k; c++)
        {
            long row;
            do
            {
                row = random.NextInt64(n);
            }
            while (!rows.Add(row) && ++attempts < 100 * k);
            data.ReadRow(row, centres.AsSpan(c * d, d));
        }

        return centres;
    }

    /// <summary>
    /// Data mean and covariance (one exact pass with K = 1), then each mean moved by a random
    /// 0.1 standard deviations along each feature.
    /// </summary>
    private static MixtureParameters AroundDataMean(
        GaussianMixtureOptions options,
        DataPasses data,
        Random random,
        CancellationToken cancellationToken)
    {
        int k = options.Components, d = data.Columns;
        var first = new float[d];
        data.ReadRow(0, first);
        MixtureParameters whole = HardAssignment.Estimate(
            data, first, 1, CovarianceType.Full, options.RegCovar, cancellationToken);
        var means = new double[k * d];
        var full = new double[k * d * d];
        for (int c = 0; c < k; c++)
        {
            for (int j = 0; j < d; j++)
            {
                double deviation = Math.Sqrt(whole.CovariancesArray[(j * d) + j]);
                means[(c * d) + j] = whole.MeansArray[j] + (0.1 * deviation * Gaussian(random));
            }

            whole.CovariancesArray.CopyTo(full, c * d * d);
        }

        return Build(options, means, full);
    }

    private static MixtureParameters UniformInBoundingBox(
        GaussianMixtureOptions options, FeatureSummary moments, int d, Random random)
    {
        int k = options.Components;
        var means = new double[k * d];
        var full = new double[k * d * d];
        for (int c = 0; c < k; c++)
        {
            for (int j = 0; j < d; j++)
            {
                means[(c * d) + j] = moments.Minimum[j]
                    + (random.NextDouble() * (moments.Maximum[j] - moments.Minimum[j]));
                full[(c * d * d) + (j * d) + j] = 1.0;
            }
        }

        return Build(options, means, full);
    }

    private static MixtureParameters Build(GaussianMixtureOptions options, double[] means, double[] full)
    {
        int k = options.Components, d = means.Length / k;
        var weights = new double[k];
        Array.Fill(weights, 1.0 / k);
        double[] covariances = CovarianceModels.For(options.CovarianceType).FromFull(full, k, d);
        return MixtureParameters.FromEstimate(
            options.CovarianceType, k, d, weights, means, covariances, options.RegCovar);
    }

    /// <summary>A standard normal draw (Box–Muller).</summary>
    internal static double Gaussian(Random random)
    {
        double u = 1.0 - random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u)) * Math.Cos(2 * Math.PI * random.NextDouble());
    }
}
