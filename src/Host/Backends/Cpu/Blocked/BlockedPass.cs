using GmmGpu.Engine;

namespace GmmGpu.Backends.Cpu.Blocked;

/// <summary>
/// Receives one block of a blocked scoring pass: rows [firstRow, firstRow + count), their
/// log-densities (component k of point b at k·<see cref="BlockScratch.BlockRows"/> + b) and
/// log p(x).
/// </summary>
internal delegate void BlockVisitor(
    long firstRow,
    int count,
    ReadOnlySpan<float> logDensity,
    ReadOnlySpan<float> logProbability);

/// <summary>
/// The blocked, GEMM-shaped pass for large D or K: the points of a chunk go in blocks of
/// <see cref="BlockScratch.BlockRows"/>; each block's log-densities for all components are
/// register-tiled products (<see cref="TileProduct"/>), then a log-sum-exp, then the
/// statistics as products again. Chunks are those of <see cref="ChunkedLoop"/> and blocks run
/// in order within a chunk, so the sums do not depend on the thread count.
/// </summary>
internal abstract class BlockedPass<TScratch>(KernelModel model) : IBlockedPass
    where TScratch : BlockScratch
{
    // The most doubles the chunks' partials hold together before the chunks grow: 16 MiB.
    private const long SmallPartialsLength = 2L << 20;

    protected int Components { get; } = model.Components;

    protected int Dimensions { get; } = model.Dimensions;

    protected PrecisionForm Form { get; } = model.Form;

    public bool TryLoad(KernelModel model)
    {
        if (model.Components != Components || model.Dimensions != Dimensions
            || model.Form != Form)
        {
            return false;
        }

        Load(model);
        return true;
    }

    // The workers' scratches are made afresh each pass: kept from pass to pass, the same
    // buffers made the 200k × 32, K = 16 full iteration 13% slower (35 → 40 ms, A/B on the
    // development machine), and at large D a pass's scratch is collected with the previous
    // parameters before the next pass makes its own (see EmDriver).
    public void Accumulate(
        ChunkedLoop loop,
        CpuDataset data,
        Func<long, StatisticsPartial> rent,
        Action<StatisticsPartial> fold,
        CancellationToken cancellationToken) =>
        loop.RunFolded(
            data.Rows,
            () => CreateScratch(statistics: true),
            (start, count, scratch) => AccumulateChunk(
                data.Data.Span.Slice((int)start * Dimensions, count * Dimensions),
                count,
                scratch,
                rent(start)),
            fold,
            cancellationToken,
            ChunkRows(data.Rows));

    public void ForEachBlock(
        ChunkedLoop loop,
        CpuDataset data,
        long start,
        long count,
        BlockVisitor visitor)
    {
        int d = Dimensions;
        loop.Run(count, ChunkedLoop.ChunkRows, (chunkStart, chunkCount) =>
        {
            TScratch scratch = CreateScratch(statistics: false);
            long chunkFirst = start + chunkStart;
            ReadOnlySpan<float> rows =
                data.Data.Span.Slice((int)chunkFirst * d, chunkCount * d);
            for (int first = 0; first < chunkCount; first += BlockScratch.BlockRows)
            {
                int n = Math.Min(BlockScratch.BlockRows, chunkCount - first);
                LogDensities(scratch, rows.Slice(first * d, n * d), n);
                BlockResponsibilities.Compute(scratch, Components, n, normalize: false);
                visitor(chunkFirst + first, n, scratch.LogDensity, scratch.LogProbability);
            }
        });
    }

    /// <summary>
    /// Rows per chunk of the fused pass: a quarter of <see cref="ChunkedLoop.ChunkRows"/> while
    /// that still leaves chunks of 64 blocks and the chunks' partials stay small, so that the
    /// threads share out the chunks more evenly (200k rows: 49 chunks, not 13, on 2 cores).
    /// Depends on N, K and D only, never on the thread count.
    /// </summary>
    private int ChunkRows(long rows)
    {
        const int small = ChunkedLoop.ChunkRows / 4;
        long partials = (rows + small - 1) / small;
        long statistics = (long)Components * Dimensions * (Dimensions + 3);
        return partials * statistics <= SmallPartialsLength ? small : ChunkedLoop.ChunkRows;
    }

    /// <summary>Copies a model of this pass's K, D and form into its buffers.</summary>
    protected abstract void Load(KernelModel model);

    /// <summary>A worker's buffers; the statistics' sums only when asked for.</summary>
    protected abstract TScratch CreateScratch(bool statistics);

    /// <summary>
    /// The log-densities of <paramref name="count"/> ≤ BlockRows points (row-major, D values
    /// each) into <see cref="BlockScratch.LogDensity"/>, rows 0..K−1.
    /// </summary>
    protected abstract void LogDensities(TScratch scratch, ReadOnlySpan<float> rows, int count);

    /// <summary>Adds the block's sums, its responsibilities being in the scratch.</summary>
    protected abstract void AddStatistics(TScratch scratch, ReadOnlySpan<float> rows, int count);

    /// <summary>Writes the chunk's S and Q, about the model's means, into the partial.</summary>
    protected abstract void WriteMoments(TScratch scratch, StatisticsPartial partial);

    private StatisticsPartial AccumulateChunk(
        ReadOnlySpan<float> rows, int count, TScratch scratch, StatisticsPartial partial)
    {
        int d = Dimensions;
        scratch.Clear();
        for (int first = 0; first < count; first += BlockScratch.BlockRows)
        {
            int n = Math.Min(BlockScratch.BlockRows, count - first);
            ReadOnlySpan<float> block = rows.Slice(first * d, n * d);
            LogDensities(scratch, block, n);
            BlockResponsibilities.Compute(scratch, Components, n, normalize: true);
            AddStatistics(scratch, block, n);
        }

        scratch.Nk.CopyTo(partial.Nk, 0);
        partial.LogLikelihood = scratch.LogLikelihood;
        WriteMoments(scratch, partial);
        return partial;
    }
}

/// <summary>The blocked pass, whatever its precision form.</summary>
internal interface IBlockedPass
{
    /// <summary>
    /// Loads <paramref name="model"/> into this pass's buffers when it has the pass's K, D and
    /// form (a pass and its padded factors are reused from iteration to iteration);
    /// false, and nothing changed, otherwise.
    /// </summary>
    bool TryLoad(KernelModel model);

    /// <summary>
    /// The fused E-step: each chunk's sums written into the partial <paramref name="rent"/>
    /// gives for the chunk's first row, and handed to <paramref name="fold"/> in chunk order.
    /// </summary>
    void Accumulate(
        ChunkedLoop loop,
        CpuDataset data,
        Func<long, StatisticsPartial> rent,
        Action<StatisticsPartial> fold,
        CancellationToken cancellationToken);

    /// <summary>Log-densities and log p(x) of rows [start, start + count), by block.</summary>
    void ForEachBlock(
        ChunkedLoop loop,
        CpuDataset data,
        long start,
        long count,
        BlockVisitor visitor);
}
