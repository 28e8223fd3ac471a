using GmmGpu.Engine;

namespace GmmGpu.Covariance;

/// <summary>Each component has its own D×D covariance; shape (K, D, D).</summary>
internal sealed class FullCovariance : ICovarianceModel
{
    /// <summary>From this many features on, components are factored on several threads.
    /// </summary>
    private const int ParallelDimensions = 128;

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

    public unsafe void ComputePrecisionCholesky(
        ReadOnlySpan<double> covariances,
        int components,
        int dimensions,
        double regCovar,
        Span<double> precisionCholesky,
        int first)
    {
        int block = dimensions * dimensions;
        fixed (double* from = covariances, to = precisionCholesky)
        {
            // Spans cannot enter the workers' lambda; the arrays are pinned until they return.
            nint source = (nint)from, target = (nint)to;
            bool Factor(int c) => TriangularMath.TryPrecisionCholesky(
                new ReadOnlySpan<double>((double*)source + ((long)c * block), block),
                dimensions,
                new Span<double>((double*)target + ((long)c * block), block));

            int degenerate = -1;
            if (dimensions >= ParallelDimensions && components - first > 1)
            {
                // Independent factors of 2D³/3 flops each: one component a thread. Every
                // component is factored; the first that fails is reported, as in turn.
                var failed = new bool[components];
                Parallel.For(first, components, c => failed[c] = !Factor(c));
                degenerate = Array.IndexOf(failed, true, first);
            }
            else
            {
                for (int c = first; c < components && degenerate < 0; c++)
                {
                    degenerate = Factor(c) ? -1 : c;
                }
            }

            if (degenerate >= 0)
            {
                throw new DegenerateComponentException(degenerate, regCovar);
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
