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
    /// Calls <paramref name="body"/>(start, count, scratch) once per chunk of
    /// <paramref name="chunkRows"/> rows (not depending on the thread count), with a scratch
    /// object per worker thread, and hands each chunk's partial to <paramref name="fold"/> (under a
    /// lock) in chunk order as soon as every chunk before it is folded. Workers take chunks in
    /// order and wait while a slow one lags far behind, so at most about two partials per worker
    /// are held, not one per chunk, and the sum is the same whatever the thread count.
    /// </summary>
    public void RunFolded<TScratch, TPartial>(
        long rows,
        Func<TScratch> createScratch,
        Func<long, int, TScratch, TPartial> body,
        Action<TPartial> fold,
        CancellationToken cancellationToken = default,
        int chunkRows = ChunkRows)
        where TPartial : class
    {
        int chunks = (int)((rows + chunkRows - 1) / chunkRows);
        int workers = Math.Min(
            chunks, _maxDegreeOfParallelism > 0 ? _maxDegreeOfParallelism : Environment.ProcessorCount);
        int window = 2 * Math.Max(workers, 1);
        var pending = new TPartial?[chunks];
        var gate = new object();
        int taken = -1, next = 0;
        var options = new ParallelOptions
        {
            MaxDegreeOfParallelism = workers,
            CancellationToken = cancellationToken,
        };
        Parallel.For(0, workers, options, createScratch, (_, state, scratch) =>
        {
            int chunk;
            while ((chunk = Interlocked.Increment(ref taken)) < chunks)
            {
                lock (gate)
                {
                    // The worker of chunk `next` is running, so this wait always ends.
                    while (chunk >= next + window && !state.ShouldExitCurrentIteration)
                    {
                        Monitor.Wait(gate, 50);
                        cancellationToken.ThrowIfCancellationRequested();
                    }
                }

                cancellationToken.ThrowIfCancellationRequested();
                long start = (long)chunk * chunkRows;
                TPartial partial = body(start, (int)Math.Min(chunkRows, rows - start), scratch);
                lock (gate)
                {
                    pending[chunk] = partial;
                    while (next < chunks && pending[next] is { } ready)
                    {
                        pending[next++] = null;
                        fold(ready);
                    }

                    Monitor.PulseAll(gate);
                }
            }

            return scratch;
        },
        _ => { });
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
