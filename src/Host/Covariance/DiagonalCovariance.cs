using GmmGpu.Engine;

namespace GmmGpu.Covariance;

/// <summary>Each component has its own diagonal covariance; shape (K, D).</summary>
internal sealed class DiagonalCovariance : ICovarianceModel
{
    public CovarianceType Type => CovarianceType.Diagonal;

    public string Name => "diag";

    public bool Shared => false;

    public PrecisionForm Form => PrecisionForm.Diagonal;

    public int CovarianceLength(int components, int dimensions) => components * dimensions;

    public int[] Shape(int components, int dimensions) => [components, dimensions];

    public int ParameterCount(int components, int dimensions) => components * dimensions;

    public double[] EstimateCovariances(
        SufficientStatistics statistics,
        ReadOnlySpan<double> nk,
        ReadOnlySpan<double> offsets,
        double regCovar) =>
        DiagonalMath.Variances(statistics, nk, offsets, regCovar);

    public void ComputePrecisionCholesky(
        ReadOnlySpan<double> covariances,
        int components,
        int dimensions,
        double regCovar,
        Span<double> precisionCholesky,
        int first) =>
        DiagonalMath.InverseSquareRoots(
            covariances, dimensions, regCovar, precisionCholesky, first);

    public double[] ComputeLogDetCholesky(
        ReadOnlySpan<double> precisionCholesky, int components, int dimensions)
    {
        var logDet = new double[components];
        for (int c = 0; c < components; c++)
        {
            for (int j = 0; j < dimensions; j++)
            {
                logDet[c] += Math.Log(precisionCholesky[(c * dimensions) + j]);
            }
        }

        return logDet;
    }

    public float[] ToKernelPrecision(
        ReadOnlySpan<double> precisionCholesky, int components, int dimensions)
    {
        var result = new float[components * dimensions];
        for (int i = 0; i < result.Length; i++)
        {
            result[i] = (float)precisionCholesky[i];
        }

        return result;
    }

    public double[] FromFull(ReadOnlySpan<double> fullCovariances, int components, int dimensions)
    {
        var result = new double[components * dimensions];
        for (int c = 0; c < components; c++)
        {
            for (int j = 0; j < dimensions; j++)
            {
                result[(c * dimensions) + j] =
                    fullCovariances[(c * dimensions * dimensions) + (j * dimensions) + j];
            }
        }

        return result;
    }

    public double CovarianceEntry(
        ReadOnlySpan<double> covariances, int component, int dimensions, int i, int j) =>
        i == j ? covariances[(component * dimensions) + i] : 0;

    public void ToFull(ReadOnlySpan<double> covariances, int component, int dimensions, Span<double> matrix)
    {
        matrix[..(dimensions * dimensions)].Clear();
        for (int j = 0; j < dimensions; j++)
        {
            matrix[(j * dimensions) + j] = covariances[(component * dimensions) + j];
        }
    }

    public bool TryResetToDiagonal(Span<double> covariances, int component, int dimensions, double regCovar)
    {
        foreach (ref double variance in covariances.Slice(component * dimensions, dimensions))
        {
            variance = Math.Max(variance, regCovar);
        }

        return regCovar > 0;
    }
}
