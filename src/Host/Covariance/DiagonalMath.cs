using GmmGpu.Engine;

namespace GmmGpu.Covariance;

/// <summary>Shared pieces of the diagonal and spherical types.</summary>
internal static class DiagonalMath
{
    /// <summary>Per-feature variances Q/nk − δ² + reg, shape (K, D).</summary>
    public static double[] Variances(
        SufficientStatistics statistics,
        ReadOnlySpan<double> nk,
        ReadOnlySpan<double> offsets,
        double regCovar)
    {
        int k = statistics.Components, d = statistics.Dimensions;
        var variances = new double[k * d];
        for (int c = 0; c < k; c++)
        {
            for (int j = 0; j < d; j++)
            {
                double offset = offsets[(c * d) + j];
                variances[(c * d) + j] = (statistics.Qk[(c * d) + j] / nk[c]) - (offset * offset) + regCovar;
            }
        }

        return variances;
    }

    /// <summary>
    /// 1/√v for each variance of the components from <paramref name="first"/> on, into
    /// <paramref name="result"/>; throws for a variance that is not positive.
    /// </summary>
    public static void InverseSquareRoots(
        ReadOnlySpan<double> variances,
        int valuesPerComponent,
        double regCovar,
        Span<double> result,
        int first)
    {
        for (int i = first * valuesPerComponent; i < variances.Length; i++)
        {
            if (!(variances[i] > 0) || !double.IsFinite(variances[i]))
            {
                throw new DegenerateComponentException(i / valuesPerComponent, regCovar);
            }

            result[i] = 1.0 / Math.Sqrt(variances[i]);
        }
    }
}
