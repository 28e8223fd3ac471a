using GmmGpu.Initialisation;

namespace GmmGpu.UseCases;

/// <summary>Generated points, their true components and the mixture they came from.</summary>
/// <param name="Data">Shape (N, D), row-major, rows shuffled.</param>
/// <param name="Labels">The true component of each point, shape (N).</param>
/// <param name="TrueModel">The mixture sampled (full covariances).</param>
public sealed record SyntheticDataSet(float[] Data, int[] Labels, GaussianMixtureModel TrueModel);

/// <summary><c>gmm generate</c>: data drawn from a random, well-separated mixture.</summary>
public static class SyntheticData
{
    /// <summary>
    /// Draws a mixture (weights in [0.5, 1.5] normalised; means at least 8 apart in a box that
    /// grows with K; full covariances R·diag(s²)·Rᵀ with s in [0.5, 2] and a random rotation R),
    /// then <paramref name="count"/> points from it in random order (each point's component
    /// drawn from the weights). <see cref="SyntheticSource"/> draws the same points in batches.
    /// </summary>
    /// <param name="count">Points N, ≥ 1.</param>
    /// <param name="dimensions">D, ≥ 1.</param>
    /// <param name="components">K, ≥ 1.</param>
    /// <param name="seed">Seed of every random choice.</param>
    /// <exception cref="ArgumentOutOfRangeException">A size is below 1, N·D is beyond one array,
    /// or the mixture is too large to draw (<see cref="SizeProblem"/>).</exception>
    public static SyntheticDataSet Generate(int count, int dimensions, int components, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(
            (long)count * dimensions, Array.MaxLength, nameof(count));
        var source = new SyntheticSource(dimensions, components, seed);
        var samples = new float[count * dimensions];
        var labels = new int[count];
        source.Draw(samples, labels);
        return new SyntheticDataSet(samples, labels, source.TrueModel);
    }

    /// <summary>The most components of a drawn mixture (placing means costs O(K²·D)).</summary>
    public const int MaxComponents = 10_000;

    /// <summary>The most dimensions of a drawn mixture (each covariance costs O(D³)).</summary>
    public const int MaxDimensions = 1_000;

    /// <summary>The most K·D³ of a drawn mixture (the work of drawing its covariances).
    /// </summary>
    public const long MaxCovarianceWork = 2_000_000_000;

    /// <summary>
    /// Why a mixture of <paramref name="components"/> in <paramref name="dimensions"/> is too
    /// large to draw (beyond <see cref="MaxComponents"/>, <see cref="MaxDimensions"/> or
    /// <see cref="MaxCovarianceWork"/>), or null when it is not.
    /// </summary>
    public static string? SizeProblem(int dimensions, int components) =>
        components > MaxComponents
            ? $"at most {MaxComponents} components can be drawn, not {components}"
            : dimensions > MaxDimensions
            ? $"at most {MaxDimensions} dimensions can be drawn, not {dimensions}"
            : (long)components * dimensions * dimensions * dimensions > MaxCovarianceWork
            ? $"K·D³ = {(long)components * dimensions * dimensions * dimensions} is more than "
                + $"the {MaxCovarianceWork} that drawing covariances may cost; use fewer "
                + "components or dimensions"
            : null;

    /// <summary>
    /// Draws the mixture of <see cref="Generate"/> with <paramref name="random"/>: weights in
    /// [0.5, 1.5] normalised, means at least 8 apart, rotated full covariances.
    /// </summary>
    internal static GaussianMixtureModel DrawModel(Random random, int dimensions, int components)
    {
        int d = dimensions, k = components;
        var weights = new double[k];
        for (int c = 0; c < k; c++)
        {
            weights[c] = 0.5 + random.NextDouble();
        }

        double total = weights.Sum();
        for (int c = 0; c < k; c++)
        {
            weights[c] /= total;
        }

        double[] means = DrawMeans(random, k, d);
        var covariances = new double[k * d * d];
        for (int c = 0; c < k; c++)
        {
            DrawCovariance(random, d, covariances.AsSpan(c * d * d, d * d));
        }

        return GaussianMixtureModel.FromParameters(
            new MixtureParameters(CovarianceType.Full, k, d, weights, means, covariances));
    }

    private static double[] DrawMeans(Random random, int k, int d)
    {
        double minDistance = 8;
        double half = 6 * Math.Pow(k, 1.0 / d) + 4;
        var means = new double[k * d];
        for (int c = 0; c < k; c++)
        {
            for (int attempt = 0; ; attempt++)
            {
                for (int j = 0; j < d; j++)
                {
                    means[(c * d) + j] = ((2 * random.NextDouble()) - 1) * half;
                }

                if (FarFromOthers(means, c, d, minDistance) || attempt > 200)
                {
                    break;
                }

                if (attempt % 50 == 49)
                {
                    half *= 1.25;
                }
            }
        }

        return means;
    }

    private static bool FarFromOthers(double[] means, int c, int d, double minDistance)
    {
        for (int o = 0; o < c; o++)
        {
            double sum = 0;
            for (int j = 0; j < d; j++)
            {
                double delta = means[(c * d) + j] - means[(o * d) + j];
                sum += delta * delta;
            }

            if (sum < minDistance * minDistance)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Σ = R·diag(s²)·Rᵀ, R orthonormal from Gram–Schmidt on a Gaussian matrix.</summary>
    private static void DrawCovariance(Random random, int d, Span<double> covariance)
    {
        var rotation = new double[d * d];
        for (int i = 0; i < d; i++)
        {
            for (int attempt = 0; attempt < 10; attempt++)
            {
                for (int j = 0; j < d; j++)
                {
                    rotation[(i * d) + j] = Initializer.Gaussian(random);
                }

                for (int p = 0; p < i; p++)
                {
                    double dot = 0;
                    for (int j = 0; j < d; j++)
                    {
                        dot += rotation[(i * d) + j] * rotation[(p * d) + j];
                    }

                    for (int j = 0; j < d; j++)
                    {
                        rotation[(i * d) + j] -= dot * rotation[(p * d) + j];
                    }
                }

                double norm = 0;
                for (int j = 0; j < d; j++)
                {
                    norm += rotation[(i * d) + j] * rotation[(i * d) + j];
                }

                if (norm > 1e-6)
                {
                    for (int j = 0; j < d; j++)
                    {
                        rotation[(i * d) + j] /= Math.Sqrt(norm);
                    }

                    break;
                }
            }
        }

        var variance = new double[d];
        for (int i = 0; i < d; i++)
        {
            double scale = 0.5 + (1.5 * random.NextDouble());
            variance[i] = scale * scale;
        }

        // Σ = Σᵢ sᵢ²·rᵢ·rᵢᵀ over the rows rᵢ of R: the inner loop runs along rows (cache order).
        covariance.Clear();
        for (int i = 0; i < d; i++)
        {
            ReadOnlySpan<double> r = rotation.AsSpan(i * d, d);
            for (int a = 0; a < d; a++)
            {
                double scaled = variance[i] * r[a];
                Span<double> target = covariance.Slice(a * d, d);
                for (int b = 0; b < d; b++)
                {
                    target[b] += scaled * r[b];
                }
            }
        }

        for (int a = 0; a < d; a++)
        {
            for (int b = 0; b < a; b++)
            {
                double mean = 0.5 * (covariance[(a * d) + b] + covariance[(b * d) + a]);
                covariance[(a * d) + b] = mean;
                covariance[(b * d) + a] = mean;
            }
        }
    }
}
