using GmmGpu.Numerics;

namespace GmmGpu.Covariance;

/// <summary>Shared pieces of the full and tied types, which both hold D×D matrices.</summary>
internal static class TriangularMath
{
    /// <summary>
    /// Scatter about the component mean, Q/nk − δδᵀ, from the packed upper triangle about the
    /// shift; written symmetric into a D×D block. Scaled by <paramref name="scale"/>.
    /// </summary>
    public static void AddScatter(
        ReadOnlySpan<double> packed,
        ReadOnlySpan<double> offset,
        double nk,
        double scale,
        int d,
        Span<double> matrix)
    {
        int t = 0;
        for (int i = 0; i < d; i++)
        {
            for (int j = i; j < d; j++, t++)
            {
                double value = ((packed[t] / nk) - (offset[i] * offset[j])) * scale;
                matrix[(i * d) + j] += value;
                if (j != i)
                {
                    matrix[(j * d) + i] += value;
                }
            }
        }
    }

    public static void AddToDiagonal(Span<double> matrix, int d, double value)
    {
        for (int i = 0; i < d; i++)
        {
            matrix[(i * d) + i] += value;
        }
    }

    /// <summary>Precision Cholesky of one D×D covariance; false when not positive definite.
    /// L is factored into <paramref name="upper"/> and inverted there: no D×D temporary.
    /// </summary>
    public static bool TryPrecisionCholesky(ReadOnlySpan<double> covariance, int d, Span<double> upper)
    {
        if (!Cholesky.TryFactor(covariance, d, upper))
        {
            return false;
        }

        Cholesky.InverseTransposeOfLowerInPlace(upper, d);
        return true;
    }

    public static double LogDetOfTriangular(ReadOnlySpan<double> upper, int d)
    {
        double sum = 0;
        for (int i = 0; i < d; i++)
        {
            sum += Math.Log(upper[(i * d) + i]);
        }

        return sum;
    }

    public static int PackedLength(int d) => d * (d + 1) / 2;
}
