using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using GmmGpu.Engine;

namespace GmmGpu.Backends.Cpu.Blocked;

/// <summary>
/// The blocked pass for diagonal (and spherical) factors. A block's log-densities for 8
/// components × 32 points at a time, LogNormalizer − ½ Σ_d ((x_d − μ_kd)·P_kd)², and its
/// statistics Σ r (x − μ_k) and Σ r (x − μ_k)² for 8 components × 16 features at a time, each
/// tile's sums in registers (<see cref="DiagonalTiles"/>). The log-densities are bit for bit
/// those of the SIMD pass.
/// </summary>
internal sealed class DiagonalBlockedPass : BlockedPass<DiagonalBlockedPass.Scratch>
{
    private readonly int _padded;
    private readonly int _paddedComponents;
    private readonly float[] _meanPanel;
    private readonly float[] _factorPanel;
    private readonly float[] _means;
    private readonly float[] _logNormalizer;

    public DiagonalBlockedPass(KernelModel model)
        : base(model)
    {
        int d = Dimensions;
        _padded = BlockScratch.RoundUp(d, TileProduct.Width);
        _paddedComponents = BlockScratch.RoundUp(Components, TileProduct.Rows);
        _meanPanel = new float[d * _paddedComponents];
        _factorPanel = new float[d * _paddedComponents];
        _means = new float[_paddedComponents * _padded];
        _logNormalizer = new float[_paddedComponents];
        Load(model);
    }

    /// <summary>Copies the model into the panels; the padding stays zero.</summary>
    protected override void Load(KernelModel model)
    {
        int d = Dimensions;
        model.LogNormalizer.CopyTo(_logNormalizer, 0);
        for (int k = 0; k < Components; k++)
        {
            for (int i = 0; i < d; i++)
            {
                float mean = model.Means[(k * d) + i];
                _meanPanel[(i * _paddedComponents) + k] = mean;
                _factorPanel[(i * _paddedComponents) + k] = model.PrecisionCholesky[(k * d) + i];
                _means[(k * _padded) + i] = mean;
            }
        }
    }

    protected override Scratch CreateScratch(bool statistics) =>
        new(Components, Dimensions, _padded, statistics);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    protected override void LogDensities(Scratch scratch, ReadOnlySpan<float> rows, int count)
    {
        const int blockRows = BlockScratch.BlockRows;
        int d = Dimensions;
        float[] transposed = scratch.Transposed;
        BlockScratch.Transpose(rows, count, d, transposed);

        ref float means = ref MemoryMarshal.GetArrayDataReference(_meanPanel);
        ref float factors = ref MemoryMarshal.GetArrayDataReference(_factorPanel);
        ref float points = ref MemoryMarshal.GetArrayDataReference(transposed);
        for (int k = 0; k < _paddedComponents; k += TileProduct.Rows)
        {
            var sink = new LogDensitySink(scratch.LogDensity, blockRows, k, -0.5f, _logNormalizer);
            for (int b = 0; b < blockRows; b += 2 * TileProduct.Width)
            {
                sink.Column = b;
                DiagonalTiles.SquaredNorms(
                    ref Unsafe.Add(ref means, k),
                    ref Unsafe.Add(ref factors, k),
                    _paddedComponents,
                    ref Unsafe.Add(ref points, b),
                    blockRows,
                    d,
                    ref sink);
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    protected override void AddStatistics(Scratch scratch, ReadOnlySpan<float> rows, int count)
    {
        const int blockRows = BlockScratch.BlockRows;
        int d = Dimensions;
        int padded = _padded;
        float[] points = scratch.Points;
        for (int b = 0; b < count; b++)
        {
            rows.Slice(b * d, d).CopyTo(points.AsSpan(b * padded, d));
        }

        ref float x = ref MemoryMarshal.GetArrayDataReference(points);
        ref float r = ref MemoryMarshal.GetArrayDataReference(scratch.LogDensity);
        ref float means = ref MemoryMarshal.GetArrayDataReference(_means);
        ref double first = ref MemoryMarshal.GetArrayDataReference(scratch.First);
        ref double second = ref MemoryMarshal.GetArrayDataReference(scratch.Second);
        for (int k = 0; k < _paddedComponents; k += TileProduct.Rows)
        {
            for (int i = 0; i < padded; i += TileProduct.Width)
            {
                int at = (k * padded) + i;
                DiagonalTiles.Moments(
                    ref Unsafe.Add(ref x, i),
                    padded,
                    ref Unsafe.Add(ref r, k * blockRows),
                    blockRows,
                    ref Unsafe.Add(ref means, at),
                    padded,
                    count,
                    ref Unsafe.Add(ref first, at),
                    ref Unsafe.Add(ref second, at),
                    padded);
            }
        }
    }

    protected override void WriteMoments(Scratch scratch, StatisticsPartial partial)
    {
        int d = Dimensions;
        for (int k = 0; k < Components; k++)
        {
            scratch.First.AsSpan(k * _padded, d).CopyTo(partial.Sk.AsSpan(k * d, d));
            scratch.Second.AsSpan(k * _padded, d).CopyTo(partial.Qk.AsSpan(k * d, d));
        }
    }

    /// <summary>Buffers of one worker: the block both ways round and the chunk's sums.</summary>
    internal sealed class Scratch : BlockScratch
    {
        public Scratch(int components, int dimensions, int padded, bool statistics)
            : base(components)
        {
            Transposed = new float[dimensions * BlockRows];
            Points = statistics ? new float[BlockRows * padded] : [];
            First = statistics ? new double[PaddedComponents * padded] : [];
            Second = statistics ? new double[PaddedComponents * padded] : [];
        }

        /// <summary>The block's points transposed, shape (D, BlockRows).</summary>
        public float[] Transposed { get; }

        /// <summary>The block's points, shape (BlockRows, padded D), zero past D.</summary>
        public float[] Points { get; }

        /// <summary>Σ r (x − μ_k) over the chunk, shape (padded K, padded D).</summary>
        public double[] First { get; }

        /// <summary>Σ r (x − μ_k)² over the chunk, shape (padded K, padded D).</summary>
        public double[] Second { get; }

        public override void Clear()
        {
            base.Clear();
            Array.Clear(First);
            Array.Clear(Second);
        }
    }
}
