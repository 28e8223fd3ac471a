namespace GmmGpu.Data;

/// <summary>The arithmetic of row ranges: a process's share, and the checks of a read.</summary>
internal static class RowRange
{
    /// <summary>
    /// Shares start on a multiple of this many rows: the CPU backend adds 256 points in
    /// float32 before float64 (see Passes.ChunkPlan.Alignment), so shares that start on such a
    /// row form the same float32 sums as one process and give its log-likelihood to ~1e-15.
    /// </summary>
    public const int Alignment = 256;

    /// <summary>
    /// Rank <paramref name="rank"/>'s contiguous share of <paramref name="total"/> items among
    /// <paramref name="size"/> processes: [rank·total/size, (rank+1)·total/size). The shares of
    /// ranks 0 to size - 1 cover every item exactly once and differ in length by at most one.
    /// </summary>
    public static (long First, long Count) Share(long total, int rank, int size)
    {
        long first = Boundary(total, rank, size);
        return (first, Boundary(total, rank + 1, size) - first);
    }

    /// <summary>
    /// As <see cref="Share"/> for rows, with each boundary rounded up to a multiple of
    /// <see cref="Alignment"/> (<see cref="Align"/>).
    /// </summary>
    public static (long First, long Count) RowShare(long total, int rank, int size)
    {
        long first = Align(Boundary(total, rank, size), total);
        return (first, Align(Boundary(total, rank + 1, size), total) - first);
    }

    /// <summary>
    /// A boundary between shares rounded up to a multiple of <see cref="Alignment"/> and at
    /// most <paramref name="total"/>; 0 and <paramref name="total"/> stay.
    /// </summary>
    public static long Align(long boundary, long total) =>
        Math.Min(total, (boundary + Alignment - 1) / Alignment * Alignment);

    /// <summary>Throws unless rows [start, start + count) exist and fit the destination.</summary>
    public static void CheckRead<T>(IRowSource source, long start, int count, Span<T> destination)
    {
        CheckRange(source, start, count);
        long needed = (long)count * source.Columns;
        if (destination.Length < needed)
        {
            throw new ArgumentException(
                $"the destination holds {destination.Length} values but {count} rows × "
                + $"{source.Columns} columns need {needed}.",
                nameof(destination));
        }
    }

    /// <summary>Throws unless rows [start, start + count) exist.</summary>
    public static void CheckRange(IRowSource source, long start, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(start);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if (start + count > source.Rows)
        {
            throw new ArgumentOutOfRangeException(
                nameof(count),
                $"rows [{start}, {start + count}) run past the {source.Rows} rows of "
                + $"{source.Name}; read at most {source.Rows - Math.Min(start, source.Rows)} "
                + $"rows from row {start}.");
        }
    }

    // The product rank·total can pass 2^63 (a trillion rows on thousands of ranks), so it is
    // formed in 128 bits.
    private static long Boundary(long total, int rank, int size) =>
        (long)((Int128)total * rank / size);
}
