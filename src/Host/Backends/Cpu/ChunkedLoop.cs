namespace GmmGpu.Backends.Cpu;

/// <summary>
/// Runs a pass over fixed-size chunks of rows in parallel. The chunk size does not depend on
/// the thread count, and each chunk returns its own partial, so summing the partials in chunk
/// order gives bit-identical results whatever the degree of parallelism.
/// </summary>
internal sealed class ChunkedLoop(int? maxDegreeOfParallelism)
{
    /// <summary>Rows per chunk: a multiple of the SIMD block width.</summary>
    public const int ChunkRows = 16384;

    private readonly int _maxDegreeOfParallelism = maxDegreeOfParallelism ?? -1;

    public static int ChunkCount(long rows) => (int)((rows + ChunkRows - 1) / ChunkRows);

    /// <summary>
    /// Calls <paramref name="body"/>(start, count, scratch) once per chunk of
    /// <paramref name="chunkRows"/> rows (a size that must not depend on the thread count), with
    /// a scratch object per worker thread, and returns the partials in chunk order.
    /// </summary>
    public TPartial[] Run<TScratch, TPartial>(
        long rows,
        Func<TScratch> createScratch,
        Func<long, int, TScratch, TPartial> body,
        CancellationToken cancellationToken = default,
        int chunkRows = ChunkRows)
    {
        int chunks = (int)((rows + chunkRows - 1) / chunkRows);
        var partials = new TPartial[chunks];
        var options = new ParallelOptions
        {
            MaxDegreeOfParallelism = _maxDegreeOfParallelism,
            CancellationToken = cancellationToken,
        };
        Parallel.For(
            0,
            chunks,
            options,
            createScratch,
            (chunk, _, scratch) =>
            {
                cancellationToken.ThrowIfCancellationRequested();
                long start = (long)chunk * chunkRows;
                int count = (int)Math.Min(chunkRows, rows - start);
                partials[chunk] = body(start, count, scratch);
                return scratch;
            },
            _ => { });
        return partials;
    }

    /// <summary>
    /// Calls <paramref name="body"/>(start, count) once per chunk of
    /// <paramref name="chunkRows"/> rows, in parallel; nothing is summed.
    /// </summary>
    public void Run(long rows, int chunkRows, Action<long, int> body)
    {
        var options = new ParallelOptions { MaxDegreeOfParallelism = _maxDegreeOfParallelism };
        long chunks = (rows + chunkRows - 1) / chunkRows;
        Parallel.For(0, chunks, options, chunk =>
        {
            long start = chunk * chunkRows;
            body(start, (int)Math.Min(chunkRows, rows - start));
        });
    }
}
