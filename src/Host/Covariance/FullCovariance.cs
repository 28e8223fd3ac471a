using GmmGpu.Engine;

namespace GmmGpu.Covariance;

/// <summary>Each component has its own D×D covariance; shape (K, D, D).</summary>
internal sealed class FullCovariance : ICovarianceModel
{
    public CovarianceType Type => CovarianceType.Full;

    public string Name => "full";

    public bool Shared => false;

    public PrecisionForm Form => PrecisionForm.Triangular;

    public int CovarianceLength(int components, int dimensions) =>
        components * dimensions * dimensions;

    public int[] Shape(int components, int dimensions) => [components, dimensions, dimensions];

    public int ParameterCount(int components, int dimensions) =>
        components * TriangularMath.PackedLength(dimensions);

    public double[] EstimateCovariances(
        SufficientStatistics statistics,
        ReadOnlySpan<double> nk,
        ReadOnlySpan<double> offsets,
        double regCovar)
    {
        int k = statistics.Components, d = statistics.Dimensions, packed = TriangularMath.PackedLength(d);
        var covariances = new double[k * d * d];
        for (int c = 0; c < k; c++)
        {
            Span<double> matrix = covariances.AsSpan(c * d * d, d * d);
            TriangularMath.AddScatter(
                statistics.Qk.AsSpan(c * packed, packed), offsets.Slice(c * d, d), nk[c], 1.0, d, matrix);
            TriangularMath.AddToDiagonal(matrix, d, regCovar);
        }

        return covariances;
    }

    public void ComputePrecisionCholesky(
        ReadOnlySpan<double> covariances,
        int components,
        int dimensions,
        double regCovar,
        Span<double> precisionCholesky,
        int first)
    {
        int block = dimensions * dimensions;
        for (int c = first; c < components; c++)
        {
            if (!TriangularMath.TryPrecisionCholesky(
                    covariances.Slice(c * block, block),
                    dimensions,
                    precisionCholesky.Slice(c * block, block)))
            {
                throw new DegenerateComponentException(c, regCovar);
            }
        }
    }

    public double[] ComputeLogDetCholesky(
        ReadOnlySpan<double> precisionCholesky, int components, int dimensions)
    {
        int block = dimensions * dimensions;
        var logDet = new double[components];
        for (int c = 0; c < components; c++)
        {
            logDet[c] = TriangularMath.LogDetOfTriangular(
                precisionCholesky.Slice(c * block, block), dimensions);
        }

        return logDet;
    }

    public float[] ToKernelPrecision(
        ReadOnlySpan<double> precisionCholesky, int components, int dimensions)
    {
        var result = new float[precisionCholesky.Length];
        for (int i = 0; i < result.Length; i++)
        {
            result[i] = (float)precisionCholesky[i];
        }

        return result;
    }

    public double[] FromFull(ReadOnlySpan<double> fullCovariances, int components, int dimensions) =>
        fullCovariances.ToArray();

    public double CovarianceEntry(
        ReadOnlySpan<double> covariances, int component, int dimensions, int i, int j) =>
        covariances[(component * dimensions * dimensions) + (i * dimensions) + j];

    public void ToFull(ReadOnlySpan<double> covariances, int component, int dimensions, Span<double> matrix)
    {
        int block = dimensions * dimensions;
        covariances.Slice(component * block, block).CopyTo(matrix);
    }

    public bool TryResetToDiagonal(Span<double> covariances, int component, int dimensions, double regCovar)
    {
        Span<double> matrix = covariances.Slice(component * dimensions * dimensions, dimensions * dimensions);
        for (int i = 0; i < dimensions; i++)
        {
            for (int j = 0; j < dimensions; j++)
            {
                ref double value = ref matrix[(i * dimensions) + j];
                value = i == j ? Math.Max(value, regCovar) : 0;
            }
        }

        return regCovar > 0;
    }
}
