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
    /// Chooses the plan: resident when each device's share fits <paramref name="budgetBytes"/>,
    /// else streaming with the largest chunk of which two fit. A chunk size (given or chosen)
    /// is rounded down to a multiple of <see cref="Alignment"/>; the partition decides the sums'
    /// rounding, so a fixed one gives identical bits.
    /// </summary>
    /// <param name="rows">The process's rows, ≥ 1.</param>
    /// <param name="columns">Features D, ≥ 1.</param>
    /// <param name="devices">Accelerators the chunks are spread over, ≥ 1.</param>
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
        long largestChunk = Array.MaxLength / columns;
        long share = (rows + devices - 1) / devices;
        bool resident = share * rowBytes <= budgetBytes;
        long chosen = chunkRows
            ?? (resident
                ? Math.Min(share, largestChunk)
                : Math.Min(budgetBytes / (2 * rowBytes), largestChunk));
        if (chosen > Alignment && chosen < rows)
        {
            chosen -= chosen % Alignment;
        }

        if (chosen < 1 || (!resident && 2 * chosen * rowBytes > budgetBytes))
        {
            throw new ArgumentException(
                $"The device memory budget of {budgetBytes} bytes cannot hold two chunks of "
                + $"{Math.Max(chosen, 1)} rows × {columns} features "
                + $"({2 * Math.Max(chosen, 1) * rowBytes} bytes): "
                + "raise the budget or make the chunks smaller.");
        }

        int size = (int)Math.Min(chosen, Math.Min(rows, largestChunk));
        var chunks = new List<Chunk>((int)((rows + size - 1) / size));
        for (long start = 0; start < rows; start += size)
        {
            chunks.Add(new Chunk(chunks.Count, start, (int)Math.Min(size, rows - start)));
        }

        return new ChunkPlan(chunks, size, resident);
    }
}
