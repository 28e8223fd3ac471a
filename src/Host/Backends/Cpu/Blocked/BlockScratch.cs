using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace GmmGpu.Backends.Cpu.Blocked;

/// <summary>
/// One worker's state for the blocked pass: the block's log-densities (then responsibilities)
/// as a components × points tile — never more than <see cref="BlockRows"/> points — and the
/// float64 sums of the chunk being processed.
/// </summary>
internal class BlockScratch
{
    /// <summary>
    /// Points per block: the float32 products of a block are flushed into float64 sums after
    /// this many terms (the SIMD pass flushes after 256 points spread over 8 lanes).
    /// </summary>
    public const int BlockRows = 64;

    public BlockScratch(int components)
    {
        PaddedComponents = RoundUp(components, TileProduct.Rows);
        LogDensity = new float[PaddedComponents * BlockRows];
        LogProbability = new float[BlockRows];
        Nk = new double[components];
    }

    /// <summary>K rounded up to the tile height; the extra rows hold zeros.</summary>
    public int PaddedComponents { get; }

    /// <summary>Log-densities, then responsibilities, shape (padded K, BlockRows).</summary>
    public float[] LogDensity { get; }

    /// <summary>log p(x) of the block's points, shape (<see cref="BlockRows"/>).</summary>
    public float[] LogProbability { get; }

    /// <summary>Σ r per component over the chunk so far.</summary>
    public double[] Nk { get; }

    /// <summary>Σ log p(x) over the chunk so far.</summary>
    public double LogLikelihood { get; set; }

    /// <summary><paramref name="value"/> rounded up to a multiple of <paramref name="step"/>.
    /// </summary>
    public static int RoundUp(int value, int step) => (value + step - 1) / step * step;

    /// <summary>
    /// The <paramref name="count"/> ≤ <see cref="BlockRows"/> points of a block (row-major,
    /// D values each) transposed into <paramref name="target"/>: feature i of point b at
    /// i·<see cref="BlockRows"/> + b, zeros for the points past <paramref name="count"/>.
    /// </summary>
    public static void Transpose(
        ReadOnlySpan<float> rows,
        int count,
        int dimensions,
        Span<float> target)
    {
        const int side = 8;
        int squares = RegisterTranspose.IsSupported ? dimensions / side * side : 0;
        ref float source = ref MemoryMarshal.GetReference(rows);
        ref float columns = ref MemoryMarshal.GetReference(target);
        int b = 0;
        for (; squares > 0 && b + side <= count; b += side)
        {
            for (int i = 0; i < squares; i += side)
            {
                RegisterTranspose.Load8x8(
                    ref Unsafe.Add(ref source, (b * dimensions) + i),
                    dimensions,
                    out Vector256<float> c0,
                    out Vector256<float> c1,
                    out Vector256<float> c2,
                    out Vector256<float> c3,
                    out Vector256<float> c4,
                    out Vector256<float> c5,
                    out Vector256<float> c6,
                    out Vector256<float> c7);
                ref float column = ref Unsafe.Add(ref columns, (i * BlockRows) + b);
                c0.StoreUnsafe(ref column);
                c1.StoreUnsafe(ref column, BlockRows);
                c2.StoreUnsafe(ref column, 2 * BlockRows);
                c3.StoreUnsafe(ref column, 3 * BlockRows);
                c4.StoreUnsafe(ref column, 4 * BlockRows);
                c5.StoreUnsafe(ref column, 5 * BlockRows);
                c6.StoreUnsafe(ref column, 6 * BlockRows);
                c7.StoreUnsafe(ref column, 7 * BlockRows);
            }

            CopyColumns(rows, dimensions, b, b + side, squares, target);
        }

        CopyColumns(rows, dimensions, b, count, 0, target);
        for (int i = 0; i < dimensions; i++)
        {
            target.Slice((i * BlockRows) + count, BlockRows - count).Clear();
        }
    }

    /// <summary>Features [first, D) of points [from, to) into their columns, one by one.
    /// </summary>
    private static void CopyColumns(
        ReadOnlySpan<float> rows,
        int dimensions,
        int from,
        int to,
        int first,
        Span<float> target)
    {
        for (int b = from; b < to; b++)
        {
            for (int i = first; i < dimensions; i++)
            {
                target[(i * BlockRows) + b] = rows[(b * dimensions) + i];
            }
        }
    }

    /// <summary>Clears the chunk's sums.</summary>
    public virtual void Clear()
    {
        Array.Clear(Nk);
        LogLikelihood = 0;
    }
}
