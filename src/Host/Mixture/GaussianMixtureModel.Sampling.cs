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
    /// <param name="cancellationToken">Checked every 65536 points.</param>
    /// <returns>Samples of shape (count, D), row-major, and their component labels, shape (count).</returns>
    /// <remarks>scikit-learn: GaussianMixture.sample</remarks>
    public (float[] Samples, int[] Labels) Sample(
        int count, int? seed = null, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        var random = new Random(seed ?? Random.Shared.Next());
        int k = Components, d = Dimensions;
        var perComponent = new int[k];
        for (int i = 0; i < count; i++)
        {
            CheckCancelled(i, cancellationToken);
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

            for (int s = 0; s < perComponent[c]; s++, row++)
            {
                CheckCancelled(row, cancellationToken);
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

    /// <summary>Throws when cancelled, looking only every 65536 points.</summary>
    internal static void CheckCancelled(int point, CancellationToken cancellationToken)
    {
        if ((point & 0xFFFF) == 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
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
