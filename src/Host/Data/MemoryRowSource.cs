using System.Globalization;

namespace GmmGpu.Data;

/// <summary>Rows already in memory: row-major float32 of shape (Rows, Columns), not copied.</summary>
public sealed class MemoryRowSource : IRowSource
{
    /// <summary>Wraps <paramref name="values"/>; names the columns "0", "1", ... when none are given.</summary>
    /// <param name="values">Shape (rows, columns), row-major.</param>
    /// <param name="columns">Features D, ≥ 1; the length of values must be a multiple of it.</param>
    /// <param name="columnNames">Length D, or null.</param>
    /// <param name="firstRow">The whole data's row at which these rows start.</param>
    public MemoryRowSource(
        ReadOnlyMemory<float> values, int columns, IReadOnlyList<string>? columnNames = null, long firstRow = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(columns);
        ArgumentOutOfRangeException.ThrowIfNegative(firstRow);
        if (values.Length % columns != 0)
        {
            throw new ArgumentException(
                $"{values.Length} values are not a multiple of {columns} columns.", nameof(values));
        }

        Values = values;
        Columns = columns;
        Rows = values.Length / columns;
        FirstRow = firstRow;
        ColumnNames = columnNames ?? Enumerable.Range(0, columns)
            .Select(i => i.ToString(CultureInfo.InvariantCulture)).ToArray();
    }

    /// <summary>The rows, shape (Rows, Columns).</summary>
    public ReadOnlyMemory<float> Values { get; }

    /// <inheritdoc/>
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
    public void Read(long start, int count, Span<float> destination) =>
        Values.Span.Slice((int)(start * Columns), count * Columns).CopyTo(destination);

    /// <inheritdoc/>
    public void Dispose()
    {
    }
}
