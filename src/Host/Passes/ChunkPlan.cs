namespace GmmGpu.Passes;

/// <summary>
/// How a process's rows are cut into chunks and whether the chunks stay on the devices
/// (resident: read once) or stream through them every pass (two chunk buffers a device, so
/// the next chunk is read while the current one is computed on).
/// </summary>
internal sealed class ChunkPlan
{
    /// <summary>
    /// Chunks are a multiple of this many rows (but the last): the CPU backend sums 256 points
    /// in float32 before it adds them in float64, so chunks that start on a multiple of 256
    /// form the same float32 sums and any such partition gives the log-likelihood to ~1e-15.
    /// </summary>
    public const int Alignment = 256;

    private ChunkPlan(IReadOnlyList<Chunk> chunks, int chunkRows, bool resident)
    {
        Chunks = chunks;
        ChunkRows = chunkRows;
        Resident = resident;
    }

    /// <summary>The fixed partition, in row order.</summary>
    public IReadOnlyList<Chunk> Chunks { get; }

    /// <summary>Rows of every chunk but the last.</summary>
    public int ChunkRows { get; }

    /// <summary>Whether every chunk is uploaded once and kept on its device.</summary>
    public bool Resident { get; }

    /// <summary>
    /// Chooses the plan: resident when the chunks each device gets fit
    /// <paramref name="budgetBytes"/>, else streaming with the largest chunk of which two fit.
    /// A chunk size (given or chosen) above <see cref="Alignment"/> and below the rows is
    /// rounded down to a multiple of it; the partition decides the sums' rounding, so a fixed
    /// one gives identical bits.
    /// </summary>
    /// <param name="rows">The process's rows, ≥ 0.</param>
    /// <param name="columns">Features D, ≥ 1.</param>
    /// <param name="devices">Accelerators the chunks are dealt to in turn, ≥ 1.</param>
    /// <param name="chunkRows">Rows a chunk, or null to choose.</param>
    /// <param name="budgetBytes">Bytes of data each device may hold.</param>
    /// <exception cref="ArgumentException">
    /// The budget cannot hold two chunks (or two rows).
    /// </exception>
    public static ChunkPlan Create(
        long rows, int columns, int devices, int? chunkRows, long budgetBytes)
    {
        if (rows == 0)
        {
            // A process whose share of a small file is empty still joins every collective.
            return new ChunkPlan([], 1, resident: true);
        }

        long rowBytes = (long)columns * sizeof(float);
        long share = (rows + devices - 1) / devices;
        if (share * rowBytes <= budgetBytes)
        {
            List<Chunk> chunks = Cut(rows, columns, chunkRows ?? share);
            if (HeaviestDevice(chunks, devices) * rowBytes <= budgetBytes)
            {
                return new ChunkPlan(chunks, chunks[0].Rows, resident: true);
            }
        }

        List<Chunk> streamed = Cut(rows, columns, chunkRows ?? (budgetBytes / (2 * rowBytes)));
        long chunk = streamed.Count == 0 ? 0 : streamed[0].Rows;
        if (streamed.Count == 0 || 2 * chunk * rowBytes > budgetBytes)
        {
            long asked = Math.Max(chunk, 1);
            throw new ArgumentException(
                $"The device memory budget of {budgetBytes} bytes cannot hold two chunks of "
                + $"{asked} rows × {columns} features ({2 * asked * rowBytes} bytes): "
                + "raise the budget or make the chunks smaller.");
        }

        return new ChunkPlan(streamed, (int)chunk, resident: false);
    }

    /// <summary>Chunks of <paramref name="size"/> rows (aligned, at most an array), or none if size &lt; 1.</summary>
    private static List<Chunk> Cut(long rows, int columns, long size)
    {
        size = Math.Min(size, Math.Min(rows, Array.MaxLength / columns));
        if (size > Alignment && size < rows)
        {
            size -= size % Alignment;
        }

        var chunks = new List<Chunk>();
        for (long start = 0; size >= 1 && start < rows; start += size)
        {
            chunks.Add(new Chunk(chunks.Count, start, (int)Math.Min(size, rows - start)));
        }

        return chunks;
    }

    /// <summary>The most rows one device holds when chunk c goes to device c mod devices.</summary>
    private static long HeaviestDevice(List<Chunk> chunks, int devices)
    {
        var held = new long[devices];
        foreach (Chunk chunk in chunks)
        {
            held[chunk.Index % devices] += chunk.Rows;
        }

        return held.Max();
    }
}
