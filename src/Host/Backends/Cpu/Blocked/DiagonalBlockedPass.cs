using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using GmmGpu.Engine;

namespace GmmGpu.Backends.Cpu.Blocked;

/// <summary>
/// The blocked pass for diagonal (and spherical) factors. With x' = x − s for a shift s near
/// the components (the mean of their means) and p = P² the precisions,
/// log N_k(x) = c_k + Σ_d p_kd μ'_kd x'_d − ½ Σ_d p_kd x'_d², c_k = LogNormalizer_k − ½ Σ_d p_kd μ'_kd²:
/// the block's log-densities are one product [x', x'²] (B×2D) · [p·μ', −½p]ᵀ (2D×K), and its
/// statistics one product Rᵀ (K×B) · [x', x'²] (B×2D), moved from s to each mean in float64.
/// </summary>
/// <remarks>
/// The expansion cancels: its float32 rounding is about 6e-8 × Σ_d p_kd μ'_kd², the squared
/// Mahalanobis distance of the shift from component k. <see cref="ShiftDistance"/> gives its
/// largest value, and the cost model keeps the SIMD pass where it is large.
/// </remarks>
internal sealed class DiagonalBlockedPass : BlockedPass<DiagonalBlockedPass.Scratch>
{
    private readonly int _columns;
    private readonly int _paddedComponents;
    private readonly float[] _shift;
    private readonly double[] _shiftedMeans;
    private readonly float[] _coefficients;
    private readonly float[] _constant;

    public DiagonalBlockedPass(KernelModel model)
        : base(model)
    {
        int d = Dimensions;
        int components = Components;
        _columns = BlockScratch.RoundUp(2 * d, TileProduct.Width);
        _paddedComponents = BlockScratch.RoundUp(components, TileProduct.Rows);
        _shift = Shift(model);
        _shiftedMeans = new double[components * d];
        _coefficients = new float[_columns * _paddedComponents];
        _constant = new float[_paddedComponents];
        double largest = 0;
        for (int k = 0; k < components; k++)
        {
            double distance = 0;
            for (int i = 0; i < d; i++)
            {
                double shifted = (double)model.Means[(k * d) + i] - _shift[i];
                double factor = model.PrecisionCholesky[(k * d) + i];
                double precision = factor * factor;
                _shiftedMeans[(k * d) + i] = shifted;
                _coefficients[(i * _paddedComponents) + k] = (float)(precision * shifted);
                _coefficients[((d + i) * _paddedComponents) + k] = (float)(-0.5 * precision);
                distance += precision * shifted * shifted;
            }

            _constant[k] = (float)(model.LogNormalizer[k] - (0.5 * distance));
            largest = Math.Max(largest, distance);
        }

        ShiftDistance = largest;
    }

    /// <summary>max_k Σ_d p_kd (μ_kd − s_d)²: how much the expansion cancels.</summary>
    public double ShiftDistance { get; }

    /// <summary>The mean of the component means, per feature, in float32.</summary>
    public static float[] Shift(KernelModel model)
    {
        int d = model.Dimensions;
        var shift = new float[d];
        for (int i = 0; i < d; i++)
        {
            double sum = 0;
            for (int k = 0; k < model.Components; k++)
            {
                sum += model.Means[(k * d) + i];
            }

            shift[i] = (float)(sum / model.Components);
        }

        return shift;
    }

    protected override Scratch CreateScratch(bool statistics) =>
        new(Components, _columns, statistics);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    protected override void LogDensities(Scratch scratch, ReadOnlySpan<float> rows, int count)
    {
        const int blockRows = BlockScratch.BlockRows;
        int d = Dimensions;
        float[] expanded = scratch.Expanded;
        float[] transposed = scratch.Transposed;
        int columns = _columns;
        for (int b = 0; b < blockRows; b++)
        {
            Span<float> target = expanded.AsSpan(b * columns, 2 * d);
            if (b >= count)
            {
                target.Clear();
                continue;
            }

            ReadOnlySpan<float> x = rows.Slice(b * d, d);
            for (int i = 0; i < d; i++)
            {
                float shifted = x[i] - _shift[i];
                target[i] = shifted;
                target[d + i] = shifted * shifted;
            }
        }

        for (int c = 0; c < 2 * d; c++)
        {
            for (int b = 0; b < blockRows; b++)
            {
                transposed[(c * blockRows) + b] = expanded[(b * columns) + c];
            }
        }

        ref float coefficients = ref MemoryMarshal.GetArrayDataReference(_coefficients);
        ref float points = ref MemoryMarshal.GetArrayDataReference(transposed);
        for (int k = 0; k < _paddedComponents; k += TileProduct.Rows)
        {
            var sink = new LogDensitySink(scratch.LogDensity, blockRows, k, _constant);
            TileProduct.MultiplyColumns(
                ref Unsafe.Add(ref coefficients, k),
                _paddedComponents,
                ref points,
                blockRows,
                2 * d,
                0,
                blockRows,
                ref sink);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    protected override void AddStatistics(Scratch scratch, ReadOnlySpan<float> rows, int count)
    {
        const int blockRows = BlockScratch.BlockRows;
        int padded = _paddedComponents;
        float[] responsibility = scratch.LogDensity;
        float[] transposed = scratch.Responsibility;
        for (int k = 0; k < Components; k++)
        {
            for (int b = 0; b < count; b++)
            {
                transposed[(b * padded) + k] = responsibility[(k * blockRows) + b];
            }
        }

        ref float weights = ref MemoryMarshal.GetArrayDataReference(transposed);
        ref float points = ref MemoryMarshal.GetArrayDataReference(scratch.Expanded);
        for (int k = 0; k < padded; k += TileProduct.Rows)
        {
            var sink = new DoubleSumSink(scratch.Sums, 0, _columns, k);
            TileProduct.MultiplyColumns(
                ref Unsafe.Add(ref weights, k),
                padded,
                ref points,
                _columns,
                count,
                0,
                _columns,
                ref sink);
        }
    }

    /// <summary>
    /// S_k = S'_k − N_k μ'_k and Q_k = Q'_k − 2 μ'_k S'_k + N_k μ'_k², from the sums about the
    /// shift to the sums about the component's mean, in float64.
    /// </summary>
    protected override void WriteMoments(Scratch scratch, StatisticsPartial partial)
    {
        int d = Dimensions;
        for (int k = 0; k < Components; k++)
        {
            double nk = scratch.Nk[k];
            for (int i = 0; i < d; i++)
            {
                double mean = _shiftedMeans[(k * d) + i];
                double first = scratch.Sums[(k * _columns) + i];
                double second = scratch.Sums[(k * _columns) + d + i];
                partial.Sk[(k * d) + i] = first - (nk * mean);
                partial.Qk[(k * d) + i] = second - (2 * mean * first) + (nk * mean * mean);
            }
        }
    }

    /// <summary>Buffers of one worker: the block as [x', x'²] both ways round, Rᵀ and sums.</summary>
    internal sealed class Scratch : BlockScratch
    {
        public Scratch(int components, int columns, bool statistics)
            : base(components)
        {
            Expanded = new float[BlockRows * columns];
            Transposed = new float[columns * BlockRows];
            Responsibility = statistics ? new float[BlockRows * PaddedComponents] : [];
            Sums = statistics ? new double[PaddedComponents * columns] : [];
        }

        /// <summary>[x', x'², 0…] per point, shape (BlockRows, columns).</summary>
        public float[] Expanded { get; }

        /// <summary>The same, transposed: shape (columns, BlockRows).</summary>
        public float[] Transposed { get; }

        /// <summary>Responsibilities, points × padded components.</summary>
        public float[] Responsibility { get; }

        /// <summary>Σ r [x', x'²] per component about the shift, shape (padded K, columns).</summary>
        public double[] Sums { get; }

        public override void Clear()
        {
            base.Clear();
            Array.Clear(Sums);
        }
    }
}
