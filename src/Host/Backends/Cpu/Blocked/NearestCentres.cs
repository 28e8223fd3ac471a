using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace GmmGpu.Backends.Cpu.Blocked;

/// <summary>
/// The nearest of K centres for blocks of points, as a Lloyd step needs it: |x − c|² for
/// 8 centres × 32 points at a time in registers, over a block of points transposed once. Each
/// distance is the same float32 sum, feature by feature (difference, square, add: not fused),
/// as <see cref="KMeansPasses.SquaredDistance"/>, and the lowest centre wins a tie, so the
/// nearest centre and its distance are bit for bit those of the point-at-a-time loop.
/// </summary>
internal sealed class NearestCentres
{
    /// <summary>Below this K a tile of 8 centres is mostly padding: the scalar loop stays.</summary>
    public const int MinComponents = 8;

    private const int BlockRows = BlockScratch.BlockRows;
    private const int PointTile = 2 * TileProduct.Width;

    private readonly int _dimensions;
    private readonly int _padded;

    // Feature i of centre k at i·padded + k; NaN for the padding centres, which never win.
    private readonly float[] _panel;

    public NearestCentres(ReadOnlySpan<float> centres, int components, int dimensions)
    {
        _dimensions = dimensions;
        _padded = BlockScratch.RoundUp(components, TileProduct.Rows);
        _panel = new float[dimensions * _padded];
        Array.Fill(_panel, float.NaN);
        for (int k = 0; k < components; k++)
        {
            for (int i = 0; i < dimensions; i++)
            {
                _panel[(i * _padded) + k] = centres[(k * dimensions) + i];
            }
        }
    }

    /// <summary>Whether the blocked search is the faster one for K centres here.</summary>
    public static bool Applies(int components) =>
        Vector512.IsHardwareAccelerated && components >= MinComponents;

    /// <summary>A worker's buffer: a block transposed, shape (D, BlockRows).</summary>
    public float[] CreateScratch() => new float[_dimensions * BlockRows];

    /// <summary>
    /// The nearest centre and its squared distance for each of <paramref name="count"/> ≤
    /// <see cref="BlockScratch.BlockRows"/> points (row-major, D values each).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Find(
        ReadOnlySpan<float> rows,
        int count,
        float[] scratch,
        Span<int> nearest,
        Span<float> distance)
    {
        int d = _dimensions;
        BlockScratch.Transpose(rows, count, d, scratch);

        ref float panel = ref MemoryMarshal.GetArrayDataReference(_panel);
        ref float points = ref MemoryMarshal.GetArrayDataReference(scratch);
        Span<float> bestDistance = stackalloc float[PointTile];
        Span<int> bestIndex = stackalloc int[PointTile];
        for (int b = 0; b < count; b += PointTile)
        {
            var best = new Nearest(Vector512.Create(float.PositiveInfinity));
            for (int k = 0; k < _padded; k += TileProduct.Rows)
            {
                Tile(ref Unsafe.Add(ref panel, k), ref Unsafe.Add(ref points, b), k, ref best);
            }

            best.LowDistance.CopyTo(bestDistance);
            best.HighDistance.CopyTo(bestDistance[TileProduct.Width..]);
            best.LowIndex.CopyTo(bestIndex);
            best.HighIndex.CopyTo(bestIndex[TileProduct.Width..]);
            int n = Math.Min(PointTile, count - b);
            bestDistance[..n].CopyTo(distance.Slice(b, n));
            bestIndex[..n].CopyTo(nearest.Slice(b, n));
        }
    }

    /// <summary>Centres k..k+7 against 32 points; folds their distances into the best.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Tile(ref float centre, ref float x, int first, ref Nearest best)
    {
        Vector512<float> c0 = default, c1 = default, c2 = default, c3 = default;
        Vector512<float> c4 = default, c5 = default, c6 = default, c7 = default;
        Vector512<float> d0 = default, d1 = default, d2 = default, d3 = default;
        Vector512<float> d4 = default, d5 = default, d6 = default, d7 = default;
        for (int i = 0; i < _dimensions; i++)
        {
            Vector512<float> low = Vector512.LoadUnsafe(ref x);
            Vector512<float> high = Vector512.LoadUnsafe(ref x, TileProduct.Width);
            Add(ref c0, ref d0, low, high, centre);
            Add(ref c1, ref d1, low, high, Unsafe.Add(ref centre, 1));
            Add(ref c2, ref d2, low, high, Unsafe.Add(ref centre, 2));
            Add(ref c3, ref d3, low, high, Unsafe.Add(ref centre, 3));
            Add(ref c4, ref d4, low, high, Unsafe.Add(ref centre, 4));
            Add(ref c5, ref d5, low, high, Unsafe.Add(ref centre, 5));
            Add(ref c6, ref d6, low, high, Unsafe.Add(ref centre, 6));
            Add(ref c7, ref d7, low, high, Unsafe.Add(ref centre, 7));
            centre = ref Unsafe.Add(ref centre, _padded);
            x = ref Unsafe.Add(ref x, BlockRows);
        }

        best.Fold(c0, d0, first);
        best.Fold(c1, d1, first + 1);
        best.Fold(c2, d2, first + 2);
        best.Fold(c3, d3, first + 3);
        best.Fold(c4, d4, first + 4);
        best.Fold(c5, d5, first + 5);
        best.Fold(c6, d6, first + 6);
        best.Fold(c7, d7, first + 7);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Add(
        ref Vector512<float> low,
        ref Vector512<float> high,
        Vector512<float> xLow,
        Vector512<float> xHigh,
        float centre)
    {
        Vector512<float> c = Vector512.Create(centre);
        Vector512<float> differenceLow = xLow - c;
        Vector512<float> differenceHigh = xHigh - c;
        low += differenceLow * differenceLow;
        high += differenceHigh * differenceHigh;
    }

    /// <summary>The smallest distance so far and its centre, for 32 points.</summary>
    private struct Nearest(Vector512<float> infinity)
    {
        public Vector512<float> LowDistance = infinity;
        public Vector512<float> HighDistance = infinity;
        public Vector512<int> LowIndex;
        public Vector512<int> HighIndex;

        /// <summary>Takes centre <paramref name="index"/> where it is strictly nearer.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Fold(Vector512<float> low, Vector512<float> high, int index)
        {
            Vector512<int> centre = Vector512.Create(index);
            Vector512<float> lower = Vector512.LessThan(low, LowDistance);
            LowDistance = Vector512.ConditionalSelect(lower, low, LowDistance);
            LowIndex = Vector512.ConditionalSelect(lower.AsInt32(), centre, LowIndex);
            Vector512<float> higher = Vector512.LessThan(high, HighDistance);
            HighDistance = Vector512.ConditionalSelect(higher, high, HighDistance);
            HighIndex = Vector512.ConditionalSelect(higher.AsInt32(), centre, HighIndex);
        }
    }
}
