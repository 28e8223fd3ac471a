using GmmGpu.Engine;

namespace GmmGpu.Covariance;

/// <summary>All components share one D×D covariance; shape (D, D).</summary>
internal sealed class TiedCovariance : ICovarianceModel
{
    public CovarianceType Type => CovarianceType.Tied;

    public string Name => "tied";

    public bool Shared => true;

    public PrecisionForm Form => PrecisionForm.Triangular;

    public int CovarianceLength(int components, int dimensions) => dimensions * dimensions;

    public int[] Shape(int components, int dimensions) => [dimensions, dimensions];

    public int ParameterCount(int components, int dimensions) =>
        TriangularMath.PackedLength(dimensions);

    /// <summary>(Σ_k scatter_k) / Σ_k nk + reg·I, as scikit-learn's tied estimate.</summary>
    public double[] EstimateCovariances(
        SufficientStatistics statistics,
        ReadOnlySpan<double> nk,
        ReadOnlySpan<double> offsets,
        double regCovar)
    {
        int k = statistics.Components, d = statistics.Dimensions, packed = TriangularMath.PackedLength(d);
        double total = 0;
        foreach (double n in nk)
        {
            total += n;
        }

        var covariance = new double[d * d];
        for (int c = 0; c < k; c++)
        {
            // nk·(Q/nk − δδᵀ)/total: each component's scatter weighted by its share.
            TriangularMath.AddScatter(
                statistics.Qk.AsSpan(c * packed, packed), offsets.Slice(c * d, d), nk[c],
                nk[c] / total, d, covariance);
        }

        TriangularMath.AddToDiagonal(covariance, d, regCovar);
        return covariance;
    }

    public void ComputePrecisionCholesky(
        ReadOnlySpan<double> covariances,
        int components,
        int dimensions,
        double regCovar,
        Span<double> precisionCholesky,
        int first)
    {
        if (!TriangularMath.TryPrecisionCholesky(covariances, dimensions, precisionCholesky))
        {
            throw new DegenerateComponentException(-1, regCovar);
        }
    }

    public double[] ComputeLogDetCholesky(
        ReadOnlySpan<double> precisionCholesky, int components, int dimensions)
    {
        var logDet = new double[components];
        Array.Fill(logDet, TriangularMath.LogDetOfTriangular(precisionCholesky, dimensions));
        return logDet;
    }

    public float[] ToKernelPrecision(
        ReadOnlySpan<double> precisionCholesky, int components, int dimensions)
    {
        int block = dimensions * dimensions;
        var result = new float[components * block];
        for (int c = 0; c < components; c++)
        {
            for (int i = 0; i < block; i++)
            {
                result[(c * block) + i] = (float)precisionCholesky[i];
            }
        }

        return result;
    }

    public double[] FromFull(ReadOnlySpan<double> fullCovariances, int components, int dimensions)
    {
        int block = dimensions * dimensions;
        var average = new double[block];
        for (int c = 0; c < components; c++)
        {
            for (int i = 0; i < block; i++)
            {
                average[i] += fullCovariances[(c * block) + i] / components;
            }
        }

        return average;
    }

    public double CovarianceEntry(
        ReadOnlySpan<double> covariances, int component, int dimensions, int i, int j) =>
        covariances[(i * dimensions) + j];

    public void ToFull(ReadOnlySpan<double> covariances, int component, int dimensions, Span<double> matrix) =>
        covariances[..(dimensions * dimensions)].CopyTo(matrix);

    /// <summary>The shared covariance is no one component's: nothing to reset.</summary>
    public bool TryResetToDiagonal(Span<double> covariances, int component, int dimensions, double regCovar) =>
        false;
}
