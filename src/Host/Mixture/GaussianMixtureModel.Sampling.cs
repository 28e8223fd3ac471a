using GmmGpu.Covariance;
using GmmGpu.Initialisation;
using GmmGpu.Numerics;

namespace GmmGpu;

public sealed partial class GaussianMixtureModel
{
    /// <summary>
    /// Draws points from the mixture: component counts from the weights (multinomial), then
    /// mean + L·z with Σ = L·Lᵀ. Points come grouped by component, as scikit-learn's.
    /// </summary>
    /// <param name="count">Number of points, ≥ 1; count·D at most <see cref="Array.MaxLength"/>.
    /// </param>
    /// <param name="seed">Seed; null draws one.</param>
    /// <returns>Samples of shape (count, D), row-major, and their component labels, shape (count).</returns>
    /// <exception cref="InvalidOperationException">A component that would be drawn from
    /// reaches beyond float32's range (its mean plus 10 standard deviations above 3.4e38), so
    /// its draws could not be written as numbers.</exception>
    /// <remarks>scikit-learn: GaussianMixture.sample</remarks>
    public (float[] Samples, int[] Labels) Sample(int count, int? seed = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(
            (long)count * Dimensions, Array.MaxLength, nameof(count));
        var samples = new float[count * Dimensions];
        var labels = new int[count];
        int row = 0;
        foreach ((float[] batch, int[] batchLabels) in SampleBatches(count, seed, 65536))
        {
            batch.CopyTo(samples, row * Dimensions);
            batchLabels.CopyTo(labels, row);
            row += batchLabels.Length;
        }

        return (samples, labels);
    }

    /// <summary>
    /// The points of <see cref="Sample"/> (the same ones for the same seed), drawn in batches
    /// of at most <paramref name="batchRows"/> rows, so that any count takes O(batch·D) memory.
    /// </summary>
    /// <param name="count">Number of points, ≥ 1.</param>
    /// <param name="seed">Seed; null draws one.</param>
    /// <param name="batchRows">Rows per batch, ≥ 1.</param>
    /// <param name="cancellationToken">Checked between batches.</param>
    /// <returns>Batches of samples, shape (rows, D), row-major, and their labels, shape (rows).
    /// </returns>
    public IEnumerable<(float[] Samples, int[] Labels)> SampleBatches(
        long count, int? seed, int batchRows, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(batchRows);
        return Batches(count, new Random(seed ?? Random.Shared.Next()), batchRows,
            cancellationToken);
    }

    /// <summary>Each component's L with Σ = L·Lᵀ, shape (K, D, D), row-major.</summary>
    /// <exception cref="DegenerateComponentException">A covariance is not positive definite.
    /// </exception>
    internal double[] SamplingFactors()
    {
        int k = Components, d = Dimensions;
        var matrix = new double[d * d];
        var lower = new double[k * d * d];
        ICovarianceModel covariance = CovarianceModels.For(CovarianceType);
        for (int c = 0; c < k; c++)
        {
            covariance.ToFull(Parameters.CovariancesArray, c, d, matrix);
            if (!Cholesky.TryFactor(matrix, d, lower.AsSpan(c * d * d, d * d)))
            {
                throw new DegenerateComponentException(c, 0);
            }
        }

        return lower;
    }

    /// <summary>One point of component <paramref name="c"/>: mean + L·z, z standard normal.
    /// </summary>
    internal void DrawPoint(Random random, double[] factors, int c, Span<double> z, Span<float> row)
    {
        int d = Dimensions;
        for (int j = 0; j < d; j++)
        {
            z[j] = Initializer.Gaussian(random);
        }

        ReadOnlySpan<double> lower = factors.AsSpan(c * d * d, d * d);
        for (int i = 0; i < d; i++)
        {
            double value = Parameters.MeansArray[(c * d) + i];
            for (int j = 0; j <= i; j++)
            {
                value += lower[(i * d) + j] * z[j];
            }

            row[i] = (float)value;
        }
    }

    /// <summary>The running sums of the weights but the last, shape (K − 1).</summary>
    internal double[] CumulativeWeights()
    {
        double[] weights = Parameters.WeightsArray;
        var cumulative = new double[weights.Length - 1];
        double sum = 0;
        for (int c = 0; c < cumulative.Length; c++)
        {
            sum += weights[c];
            cumulative[c] = sum;
        }

        return cumulative;
    }

    /// <summary>
    /// A component drawn from the weights: the first c whose running sum exceeds a uniform
    /// draw (K − 1 when none does), found by bisection so that a large K costs O(log K).
    /// </summary>
    internal static int DrawComponent(Random random, double[] cumulative)
    {
        double target = random.NextDouble();
        int index = Array.BinarySearch(cumulative, target);
        if (index < 0)
        {
            return ~index;
        }

        // An equal running sum is not "exceeding" (zero weights repeat a sum): step past them.
        while (index < cumulative.Length && cumulative[index] <= target)
        {
            index++;
        }

        return index;
    }

    /// <summary>
    /// Throws unless component c's draws stay in float32's range: |mean| + 10σ per feature
    /// (a draw beyond 10σ has probability below 1e-23).
    /// </summary>
    private void CheckInFloatRange(int c)
    {
        int d = Dimensions;
        var covariance = new double[d * d];
        CovarianceModels.For(CovarianceType).ToFull(Parameters.CovariancesArray, c, d, covariance);
        for (int j = 0; j < d; j++)
        {
            double mean = Parameters.MeansArray[(c * d) + j];
            double variance = covariance[(j * d) + j];
            if (!(Math.Abs(mean) + (10 * Math.Sqrt(variance)) <= float.MaxValue))
            {
                throw new InvalidOperationException(
                    $"Cannot sample {DegenerateComponentException.Describe(c)}: feature {j} has "
                    + $"mean {mean:G4} and variance {variance:G4}, so its draws reach beyond "
                    + "float32's range (3.4e38) and could not be written as numbers. Rescale "
                    + "the model.");
            }
        }
    }

    private IEnumerable<(float[] Samples, int[] Labels)> Batches(
        long count, Random random, int batchRows, CancellationToken cancellationToken)
    {
        int k = Components, d = Dimensions;
        var perComponent = new long[k];
        double[] cumulative = CumulativeWeights();
        for (long i = 0; i < count; i++)
        {
            perComponent[DrawComponent(random, cumulative)]++;
            if ((i & 0xFFFFF) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }
        }

        double[] factors = SamplingFactors();
        for (int c = 0; c < k; c++)
        {
            if (perComponent[c] > 0)
            {
                CheckInFloatRange(c);
            }
        }

        var z = new double[d];
        int component = 0;
        long leftInComponent = perComponent[0];
        for (long done = 0; done < count;)
        {
            cancellationToken.ThrowIfCancellationRequested();
            int rows = (int)Math.Min(batchRows, count - done);
            var samples = new float[rows * d];
            var labels = new int[rows];
            for (int r = 0; r < rows; r++)
            {
                while (leftInComponent == 0)
                {
                    leftInComponent = perComponent[++component];
                }

                DrawPoint(random, factors, component, z, samples.AsSpan(r * d, d));
                labels[r] = component;
                leftInComponent--;
            }

            done += rows;
            yield return (samples, labels);
        }
    }
}
