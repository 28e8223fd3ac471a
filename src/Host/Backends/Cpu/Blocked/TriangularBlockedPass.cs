using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using GmmGpu.Engine;

namespace GmmGpu.Backends.Cpu.Blocked;

/// <summary>
/// The blocked pass for triangular factors (full and tied covariances). Per component k, the
/// block's differences x − μ_k (taken first, in float32, as the tiles read the points, so
/// far-from-origin data keeps its digits) times the factor, Y = (X − μ_k)·P_k (B×D by D×D, upper triangle only), give
/// log N_k = LogNormalizer_k − ½|y|²; the second moments are
/// Σ r (x − μ_k)(x − μ_k)ᵀ = (X − μ_k)ᵀ·diag(r)·(X − μ_k) (D×B by B×D, upper tiles only).
/// D is padded with zeros to a multiple of 16 (a vector).
/// </summary>
internal sealed class TriangularBlockedPass : BlockedPass<TriangularBlockedPass.Scratch>
{
    private readonly int _padded;
    private readonly MomentTiles _moments;
    private readonly float[] _factors;
    private readonly float[] _means;
    private readonly float[] _logNormalizer;

    public TriangularBlockedPass(KernelModel model)
        : base(model)
    {
        _padded = BlockScratch.RoundUp(Dimensions, TileProduct.Width);
        _moments = new MomentTiles(Dimensions, _padded);
        _factors = new float[Components * _padded * _padded];
        _means = new float[Components * _padded];
        _logNormalizer = new float[Components];
        Load(model);
    }

    /// <summary>
    /// Copies the model's means, factors and log-normalisers into the padded layout; the
    /// padding was zeroed when the arrays were made and is never written.
    /// </summary>
    protected override void Load(KernelModel model)
    {
        int d = Dimensions;
        model.LogNormalizer.CopyTo(_logNormalizer, 0);
        for (int k = 0; k < Components; k++)
        {
            for (int i = 0; i < d; i++)
            {
                _means[(k * _padded) + i] = model.Means[(k * d) + i];
                model.PrecisionCholesky.AsSpan((k * d * d) + (i * d), d)
                    .CopyTo(_factors.AsSpan((k * _padded * _padded) + (i * _padded), d));
            }
        }
    }

    protected override Scratch CreateScratch(bool statistics) =>
        new(Components, _padded, _moments, statistics);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    protected override void LogDensities(Scratch scratch, ReadOnlySpan<float> rows, int count)
    {
        const int blockRows = BlockScratch.BlockRows;
        const int pointTile = 2 * TileProduct.Width;
        int d = Dimensions;
        float[] points = scratch.Points;
        BlockScratch.Transpose(rows, count, d, points);
        ref float transposed = ref MemoryMarshal.GetArrayDataReference(points);
        for (int k = 0; k < Components; k++)
        {
            ref float factor = ref _factors[k * _padded * _padded];
            Vector512<float> half = Vector512.Create(-0.5f);
            Vector512<float> normalizer = Vector512.Create(_logNormalizer[k]);
            for (int b = 0; b < blockRows; b += pointTile)
            {
                (Vector512<float> low, Vector512<float> high) = TileProduct.SquaredNorms(
                    ref factor,
                    _padded,
                    ref Unsafe.Add(ref transposed, b),
                    blockRows,
                    d,
                    ref _means[k * _padded]);
                ref float target = ref scratch.LogDensity[(k * blockRows) + b];
                Vector512.FusedMultiplyAdd(low, half, normalizer).StoreUnsafe(ref target);
                Vector512.FusedMultiplyAdd(high, half, normalizer)
                    .StoreUnsafe(ref target, TileProduct.Width);
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    protected override void AddStatistics(Scratch scratch, ReadOnlySpan<float> rows, int count)
    {
        const int blockRows = BlockScratch.BlockRows;
        const int width = TileProduct.Width;
        int d = Dimensions;
        int padded = _padded;
        for (int b = 0; b < count; b++)
        {
            rows.Slice(b * d, d).CopyTo(scratch.Rows.AsSpan(b * padded, d));
        }

        ref float x = ref MemoryMarshal.GetArrayDataReference(scratch.Rows);
        ref float weights = ref MemoryMarshal.GetArrayDataReference(scratch.Weighted);
        ref double firstMoments = ref MemoryMarshal.GetArrayDataReference(scratch.FirstMoments);
        for (int k = 0; k < Components; k++)
        {
            ref float mean = ref _means[k * padded];
            ref float r = ref scratch.LogDensity[k * blockRows];
            for (int i = 0; i < padded; i += width)
            {
                Vector512<float> centre = Vector512.LoadUnsafe(ref mean, (nuint)i);
                Vector512<float> first = Vector512<float>.Zero;
                for (int b = 0; b < count; b++)
                {
                    nuint at = (nuint)((b * padded) + i);
                    Vector512<float> difference = Vector512.LoadUnsafe(ref x, at) - centre;
                    Vector512<float> weighted = Vector512.Create(Unsafe.Add(ref r, b)) * difference;
                    weighted.StoreUnsafe(ref weights, at);
                    first += weighted;
                }

                DoubleSumSink.Add(ref Unsafe.Add(ref firstMoments, (k * padded) + i), first);
            }

            // Rows i0..i0+7 of the moments, from the first column tile that reaches i0:
            // r·(x − μ)_i broadcast, times (x − μ)_j taken as the tile reads the points.
            int moments = k * _moments.Length;
            for (int i = 0; i < d; i += TileProduct.Rows)
            {
                var sink = new DoubleSumSink(
                    scratch.Moments, moments + _moments.RowOrigin(i), _moments.Width(i), 0);
                var centred = new ColumnCentredColumns(ref mean, padded);
                TileProduct.MultiplyColumns(
                    ref Unsafe.Add(ref weights, i),
                    padded,
                    ref x,
                    padded,
                    count,
                    MomentTiles.FirstColumn(i),
                    padded,
                    ref centred,
                    ref sink);
            }
        }
    }

    protected override void WriteMoments(Scratch scratch, StatisticsPartial partial)
    {
        int d = Dimensions;
        int packed = d * (d + 1) / 2;
        for (int k = 0; k < Components; k++)
        {
            scratch.FirstMoments.AsSpan(k * _padded, d).CopyTo(partial.Sk.AsSpan(k * d, d));
            int index = k * packed;
            for (int i = 0; i < d; i++)
            {
                int row = (k * _moments.Length) + _moments.RowOrigin(i);
                scratch.Moments.AsSpan(row + i, d - i).CopyTo(partial.Qk.AsSpan(index, d - i));
                index += d - i;
            }
        }
    }

    /// <summary>Buffers of one worker: the block both ways round, weights, sums.</summary>
    internal sealed class Scratch : BlockScratch
    {
        public Scratch(int components, int padded, MomentTiles moments, bool statistics)
            : base(components)
        {
            int length = padded * BlockRows;
            Points = new float[length];
            Weighted = statistics ? new float[length] : [];
            Rows = statistics ? new float[length] : [];
            FirstMoments = statistics ? new double[components * padded] : [];
            Moments = statistics ? new double[components * moments.Length] : [];
        }

        /// <summary>The block's points transposed, shape (padded D, BlockRows).</summary>
        public float[] Points { get; }

        /// <summary>r·(x − μ_k) by point, shape (BlockRows, padded D).</summary>
        public float[] Weighted { get; }

        /// <summary>The block's points, shape (BlockRows, padded D), zero past D.</summary>
        public float[] Rows { get; }

        /// <summary>Σ r (x − μ_k) over the chunk, shape (K, padded D).</summary>
        public double[] FirstMoments { get; }

        /// <summary>Σ r (x − μ_k)(x − μ_k)ᵀ over the chunk, the tiles on and above the
        /// diagonal of each component (<see cref="MomentTiles"/>).</summary>
        public double[] Moments { get; }

        public override void Clear()
        {
            base.Clear();
            Array.Clear(FirstMoments);
            Array.Clear(Moments);
        }
    }
}
