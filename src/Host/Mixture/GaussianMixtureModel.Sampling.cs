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
    /// <param name="count">Number of points, ≥ 1.</param>
    /// <param name="seed">Seed; null draws one.</param>
    /// <returns>Samples of shape (count, D), row-major, and their component labels, shape (count).</returns>
    /// <exception cref="InvalidOperationException">A component that would be drawn from
    /// reaches beyond float32's range (its mean plus 10 standard deviations above 3.4e38), so
    /// its draws could not be written as numbers.</exception>
    /// <remarks>scikit-learn: GaussianMixture.sample</remarks>
    public (float[] Samples, int[] Labels) Sample(int count, int? seed = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        var random = new Random(seed ?? Random.Shared.Next());
        int k = Components, d = Dimensions;
        var perComponent = new int[k];
        for (int i = 0; i < count; i++)
        {
            perComponent[Categorical(random, Parameters.WeightsArray)]++;
        }

        var samples = new float[count * d];
        var labels = new int[count];
        var matrix = new double[d * d];
        var lower = new double[d * d];
        var z = new double[d];
        ICovarianceModel covariance = CovarianceModels.For(CovarianceType);
        int row = 0;
        for (int c = 0; c < k; c++)
        {
            covariance.ToFull(Parameters.CovariancesArray, c, d, matrix);
            if (!Cholesky.TryFactor(matrix, d, lower))
            {
                throw new DegenerateComponentException(c, 0);
            }

            if (perComponent[c] > 0)
            {
                CheckInFloatRange(c, matrix);
            }

            for (int s = 0; s < perComponent[c]; s++, row++)
            {
                for (int j = 0; j < d; j++)
                {
                    z[j] = Initializer.Gaussian(random);
                }

                for (int i = 0; i < d; i++)
                {
                    double value = Parameters.MeansArray[(c * d) + i];
                    for (int j = 0; j <= i; j++)
                    {
                        value += lower[(i * d) + j] * z[j];
                    }

                    samples[(row * d) + i] = (float)value;
                }

                labels[row] = c;
            }
        }

        return (samples, labels);
    }

    /// <summary>
    /// Throws unless component c's draws stay in float32's range: |mean| + 10σ per feature
    /// (a draw beyond 10σ has probability below 1e-23).
    /// </summary>
    private void CheckInFloatRange(int c, ReadOnlySpan<double> covariance)
    {
        int d = Dimensions;
        for (int j = 0; j < d; j++)
        {
            double mean = Parameters.MeansArray[(c * d) + j];
            double reach = Math.Abs(mean) + (10 * Math.Sqrt(covariance[(j * d) + j]));
            if (!(reach <= float.MaxValue))
            {
                throw new InvalidOperationException(
                    $"Cannot sample {DegenerateComponentException.Describe(c)}: feature {j} has "
                    + $"mean {mean:G4} and variance {covariance[(j * d) + j]:G4}, so its draws "
                    + "reach beyond float32's range (3.4e38) and could not be written as numbers. "
                    + "Rescale the model.");
            }
        }
    }

    private static int Categorical(Random random, double[] weights)
    {
        double target = random.NextDouble(), cumulative = 0;
        for (int c = 0; c < weights.Length - 1; c++)
        {
            cumulative += weights[c];
            if (target < cumulative)
            {
                return c;
            }
        }

        return weights.Length - 1;
    }
}
