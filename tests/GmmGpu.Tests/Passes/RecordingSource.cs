using GmmGpu.Data;

namespace GmmGpu.Tests.Passes;

/// <summary>
/// In-memory rows behind the streaming interface only (so nothing can take the rows without
/// reading them), recording every read; optionally failing at one row as a bad file would.
/// </summary>
internal sealed class RecordingSource(
    float[] values, int columns, long firstRow = 0, long? badRow = null)
    : IRowSource
{
    private readonly MemoryRowSource rows = new(values, columns, firstRow: firstRow);

    public string Name => "recorded.npy";

    public long Rows => rows.Rows;

    public int Columns => columns;

    public IReadOnlyList<string> ColumnNames => rows.ColumnNames;

    public long FirstRow => firstRow;

    /// <summary>Rows read, over every call.</summary>
    public long RowsRead { get; private set; }

    /// <summary>Called after every read (e.g. to cancel a fit in the middle of a pass).</summary>
    public Action? AfterRead { get; init; }

    /// <summary>The most rows one call read.</summary>
    public int LargestRead { get; private set; }

    public void Read(long start, int count, Span<float> destination)
    {
        if (badRow is long bad && bad >= start && bad < start + count)
        {
            throw new DataFormatException(
                $"{Name} row {FirstRow + bad}, column 0: value NaN is not finite; remove or "
                + "impute missing and infinite values.");
        }

        rows.Read(start, count, destination);
        RowsRead += count;
        LargestRead = Math.Max(LargestRead, count);
        AfterRead?.Invoke();
    }

    public void Dispose()
    {
    }
}
