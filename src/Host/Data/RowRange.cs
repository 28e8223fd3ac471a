namespace GmmGpu.Data;

/// <summary>The arithmetic of row ranges: a process's share, and the checks of a read.</summary>
internal static class RowRange
{
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

    /// <summary>Throws unless rows [start, start + count) exist and fit the destination.</summary>
    public static void CheckRead(IRowSource source, long start, int count, Span<float> destination)
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

        long needed = (long)count * source.Columns;
        if (destination.Length < needed)
        {
            throw new ArgumentException(
                $"the destination holds {destination.Length} values but {count} rows × "
                + $"{source.Columns} columns need {needed}.",
                nameof(destination));
        }
    }

    // The product rank·total can pass 2^63 (a trillion rows on thousands of ranks), so it is
    // formed in 128 bits.
    private static long Boundary(long total, int rank, int size) =>
        (long)((Int128)total * rank / size);
}
