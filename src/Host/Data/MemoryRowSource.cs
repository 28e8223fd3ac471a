using System.Globalization;

namespace GmmGpu.Data;

/// <summary>
/// Rows held in memory, read a range at a time like a file: the in-memory case of streaming.
/// Values are checked as they are read.
/// </summary>
public sealed class MemoryRowSource : IRowSource, IMappedRows
{
    /// <summary>Wraps <paramref name="values"/> without copying them.</summary>
    /// <param name="values">The rows, shape (N, <paramref name="columns"/>), row-major, N ≥ 1.
    /// </param>
    /// <param name="columns">D, ≥ 1.</param>
    /// <param name="columnNames">The name of each column, length D; null names them by 0-based
    /// index ("0", "1", ...).</param>
    /// <param name="firstRow">The whole data's row at which these rows start (a process's
    /// share).</param>
    /// <exception cref="ArgumentException">The values are empty or not a multiple of D, or the
    /// names are not D.</exception>
    public MemoryRowSource(
        ReadOnlyMemory<float> values,
        int columns,
        IReadOnlyList<string>? columnNames = null,
        long firstRow = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(columns);
        ArgumentOutOfRangeException.ThrowIfNegative(firstRow);
        if (values.IsEmpty || values.Length % columns != 0)
        {
            throw new ArgumentException(
                $"{values.Length} values are not N ≥ 1 rows of {columns} columns; pass whole "
                + "rows, row-major.",
                nameof(values));
        }

        if (columnNames is not null && columnNames.Count != columns)
        {
            throw new ArgumentException(
                $"{columnNames.Count} column names for {columns} columns; give one name a "
                + "column, or null.",
                nameof(columnNames));
        }

        Values = values;
        FirstRow = firstRow;
        Columns = columns;
        Rows = values.Length / columns;
        ColumnNames = columnNames ?? Enumerable.Range(0, columns)
            .Select(i => i.ToString(CultureInfo.InvariantCulture)).ToArray();
    }

    /// <summary>The rows, shape (Rows, Columns), row-major.</summary>
    public ReadOnlyMemory<float> Values { get; }

    /// <summary>"memory".</summary>
    public string Name => "memory";

    /// <inheritdoc/>
    public long Rows { get; }

    /// <inheritdoc/>
    public int Columns { get; }

    /// <inheritdoc/>
    public IReadOnlyList<string> ColumnNames { get; }

    /// <inheritdoc/>
    public long FirstRow { get; }

    /// <inheritdoc/>
    /// <remarks>A bad value is named by its 0-based row and column, as in
    /// <see cref="GaussianMixture"/>'s checks of in-memory data.</remarks>
    public void Read(long start, int count, Span<float> destination)
    {
        RowRange.CheckRead(this, start, count, destination);
        Span<float> target = destination[..(count * Columns)];
        Values.Span.Slice((int)start * Columns, target.Length).CopyTo(target);
        CheckFinite(start, target);
    }

    /// <summary>
    /// Whether every value is known to be finite (checked by the caller), so maps skip the
    /// check.
    /// </summary>
    internal bool Checked { get; init; }

    /// <inheritdoc/>
    bool IMappedRows.TryMap(long start, int count, out ReadOnlyMemory<float> rows)
    {
        RowRange.CheckRange(this, start, count);
        rows = Values.Slice((int)(start * Columns), count * Columns);
        if (!Checked)
        {
            CheckFinite(start, rows.Span);
        }

        return true;
    }

    private void CheckFinite(long start, ReadOnlySpan<float> values)
    {
        int bad = FiniteValues.IndexOfNonFinite(values);
        if (bad >= 0)
        {
            throw DataReader.NotFinite(
                Name, FirstRow + start + (bad / Columns),
                (bad % Columns).ToString(CultureInfo.InvariantCulture),
                values[bad].ToString(CultureInfo.InvariantCulture));
        }
    }

    /// <summary>Nothing to release: the memory belongs to the caller.</summary>
    public void Dispose()
    {
    }
}
