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
        for (int i = 0; i < dimensions; i++)
        {
            Span<float> feature = target.Slice(i * BlockRows, BlockRows);
            for (int b = 0; b < count; b++)
            {
                feature[b] = rows[(b * dimensions) + i];
            }

            feature[count..].Clear();
        }
    }

    /// <summary>Clears the chunk's sums.</summary>
    public virtual void Clear()
    {
        Array.Clear(Nk);
        LogLikelihood = 0;
    }
}
