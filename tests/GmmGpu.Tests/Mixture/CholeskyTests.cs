using GmmGpu.Numerics;
using Xunit;

namespace GmmGpu.Tests.Mixture;

/// <summary>
/// The M-step's Cholesky factor and precision factor, at sizes round the block (16) and the
/// tile (4 × 2): whole and partial tiles, an odd last column.
/// </summary>
public sealed class CholeskyTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(15)]
    [InlineData(16)]
    [InlineData(17)]
    [InlineData(70)]
    [InlineData(203)]
    public void TryFactor_SpdMatrix_LTimesLTransposeIsIt(int d)
    {
        double[] a = Spd(d, seed: d);
        var lower = new double[d * d];

        Assert.True(Cholesky.TryFactor(a, d, lower));

        for (int i = 0; i < d; i++)
        {
            Assert.True(lower[(i * d) + i] > 0);
            for (int j = 0; j < d; j++)
            {
                double sum = 0;
                for (int p = 0; p < d; p++)
                {
                    sum += lower[(i * d) + p] * lower[(j * d) + p];
                }

                Assert.Equal(a[(i * d) + j], sum, 1e-10 * d);
                if (j > i)
                {
                    Assert.Equal(0, lower[(i * d) + j]);
                }
            }
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(16)]
    [InlineData(17)]
    [InlineData(33)]
    [InlineData(70)]
    [InlineData(203)]
    public void InverseTransposeOfLowerInPlace_GivesUWithLTransposeTimesUTheIdentity(int d)
    {
        double[] a = Spd(d, seed: 100 + d);
        var lower = new double[d * d];
        Assert.True(Cholesky.TryFactor(a, d, lower));
        double[] upper = [.. lower];

        Cholesky.InverseTransposeOfLowerInPlace(upper, d);

        for (int i = 0; i < d; i++)
        {
            for (int j = 0; j < d; j++)
            {
                // (Lᵀ U)[i, j] = Σ_p L[p, i] U[p, j]
                double sum = 0;
                for (int p = 0; p < d; p++)
                {
                    sum += lower[(p * d) + i] * upper[(p * d) + j];
                }

                Assert.Equal(i == j ? 1 : 0, sum, 1e-10);
                if (i > j)
                {
                    Assert.Equal(0, upper[(i * d) + j]);
                }
            }
        }
    }

    [Theory]
    [InlineData(3, 0)]
    [InlineData(40, 0)]
    [InlineData(40, 37)]
    public void TryFactor_NotPositiveDefinite_IsFalse(int d, int at)
    {
        double[] a = Spd(d, seed: 7);
        // Row and column `at` copy row 0's, but for a diagonal smaller by 1: eliminating
        // feature 0 leaves -1 on `at`'s diagonal (for `at` = 0, the diagonal is -1 itself).
        for (int j = 0; j < d; j++)
        {
            a[(at * d) + j] = a[j];
            a[(j * d) + at] = a[j * d];
        }

        a[(at * d) + at] = at == 0 ? -1 : a[0] - 1;

        Assert.False(Cholesky.TryFactor(a, d, new double[d * d]));
    }

    /// <summary>B Bᵀ + I for a random B: symmetric positive definite, of condition ~d.</summary>
    private static double[] Spd(int d, int seed)
    {
        var random = new Random(seed);
        double[] b = [.. Enumerable.Range(0, d * d).Select(_ => random.NextDouble() - 0.5)];
        var a = new double[d * d];
        for (int i = 0; i < d; i++)
        {
            for (int j = 0; j < d; j++)
            {
                double sum = i == j ? 1 : 0;
                for (int p = 0; p < d; p++)
                {
                    sum += b[(i * d) + p] * b[(j * d) + p];
                }

                a[(i * d) + j] = sum;
            }
        }

        return a;
    }
}
