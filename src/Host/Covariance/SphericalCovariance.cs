using GmmGpu.Engine;

namespace GmmGpu.Covariance;

/// <summary>Each component has one variance for all features; shape (K).</summary>
internal sealed class SphericalCovariance : ICovarianceModel
{
    public CovarianceType Type => CovarianceType.Spherical;

    public string Name => "spherical";

    public bool Shared => false;

    public PrecisionForm Form => PrecisionForm.Diagonal;

    public int CovarianceLength(int components, int dimensions) => components;

    public int[] Shape(int components, int dimensions) => [components];

    public int ParameterCount(int components, int dimensions) => components;

    /// <summary>The mean of the diagonal variances, as scikit-learn's spherical estimate.</summary>
    public double[] EstimateCovariances(
        SufficientStatistics statistics,
        ReadOnlySpan<double> nk,
        ReadOnlySpan<double> offsets,
        double regCovar) =>
        MeanPerComponent(
            DiagonalMath.Variances(statistics, nk, offsets, regCovar),
            statistics.Components,
            statistics.Dimensions);

    public void ComputePrecisionCholesky(
        ReadOnlySpan<double> covariances,
        int components,
        int dimensions,
        double regCovar,
        Span<double> precisionCholesky,
        int first) =>
        DiagonalMath.InverseSquareRoots(covariances, 1, regCovar, precisionCholesky, first);

    public double[] ComputeLogDetCholesky(
        ReadOnlySpan<double> precisionCholesky, int components, int dimensions)
    {
        var logDet = new double[components];
        for (int c = 0; c < components; c++)
        {
            logDet[c] = dimensions * Math.Log(precisionCholesky[c]);
        }

        return logDet;
    }

    public float[] ToKernelPrecision(
        ReadOnlySpan<double> precisionCholesky, int components, int dimensions)
    {
        var result = new float[components * dimensions];
        for (int c = 0; c < components; c++)
        {
            result.AsSpan(c * dimensions, dimensions).Fill((float)precisionCholesky[c]);
        }

        return result;
    }

    public double[] FromFull(ReadOnlySpan<double> fullCovariances, int components, int dimensions) =>
        MeanPerComponent(
            CovarianceModels.For(CovarianceType.Diagonal).FromFull(fullCovariances, components, dimensions),
            components,
            dimensions);

    public double CovarianceEntry(
        ReadOnlySpan<double> covariances, int component, int dimensions, int i, int j) =>
        i == j ? covariances[component] : 0;

    public void ToFull(ReadOnlySpan<double> covariances, int component, int dimensions, Span<double> matrix)
    {
        matrix[..(dimensions * dimensions)].Clear();
        for (int j = 0; j < dimensions; j++)
        {
            matrix[(j * dimensions) + j] = covariances[component];
        }
    }

    private static double[] MeanPerComponent(double[] values, int components, int dimensions)
    {
        var result = new double[components];
        for (int c = 0; c < components; c++)
        {
            double sum = 0;
            for (int j = 0; j < dimensions; j++)
            {
                sum += values[(c * dimensions) + j];
            }

            result[c] = sum / dimensions;
        }

        return result;
    }

    public bool TryResetToDiagonal(Span<double> covariances, int component, int dimensions, double regCovar)
    {
        foreach (ref double variance in covariances.Slice(component * 1, 1))
        {
            variance = Math.Max(variance, regCovar);
        }

        return regCovar > 0;
    }
}
