namespace GmmGpu.Data;

/// <summary>
/// A row source walked a batch at a time in row order (mapped in place when it can be, else
/// read into one reused buffer), so that host passes over a file need memory for one batch,
/// not for the file.
/// </summary>
internal static class RowBatches
{
    /// <summary>Rows per batch, at most.</summary>
    public const int Rows = 65536;

    /// <summary>Values per batch, at most: 16 MB of float64, however wide the rows.</summary>
    private const int Values = 1 << 21;

    /// <summary>Rows per batch of <paramref name="columns"/>-wide rows: 1 to <see cref="Rows"/>.
    /// </summary>
    public static int RowsFor(int columns) => Math.Clamp(Values / columns, 1, Rows);

    /// <summary>
    /// Calls <paramref name="body"/>(rows, first row, row count) for each batch of
    /// <paramref name="source"/>; the rows, shape (count, Columns), are valid during the call.
    /// </summary>
    public static void ForEach(
        IRowSource source,
        Action<ReadOnlyMemory<float>, long, int> body,
        CancellationToken cancellationToken)
    {
        int d = source.Columns, batch = RowsFor(d);
        float[]? buffer = null;
        for (long start = 0; start < source.Rows; start += batch)
        {
            cancellationToken.ThrowIfCancellationRequested();
            int count = (int)Math.Min(batch, source.Rows - start);
            if (!source.TryMapRows(start, count, out ReadOnlyMemory<float> rows))
            {
                buffer ??= new float[(long)Math.Min(batch, source.Rows) * d];
                source.Read(start, count, buffer.AsSpan(0, count * d));
                rows = buffer.AsMemory(0, count * d);
            }

            body(rows, start, count);
        }
    }
}
