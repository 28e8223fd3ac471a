namespace GmmGpu.Data;

/// <summary>
/// A table of <see cref="Rows"/> points × <see cref="Columns"/> float32 features, read a range
/// of rows at a time, so that data larger than memory streams through EM pass after pass.
/// Reading ranges in increasing order is the fast path; any order works.
/// </summary>
public interface IRowSource : IDisposable
{
    /// <summary>What the rows are read from: a file's path, or "memory".</summary>
    string Name { get; }

    /// <summary>
    /// Number of rows this source holds: ≥ 1 for a whole file; a process's share (boundaries
    /// rounded up to a multiple of 256 rows) may hold none when the file has fewer than
    /// 256 rows a process.
    /// </summary>
    long Rows { get; }

    /// <summary>Number of features D, ≥ 1.</summary>
    int Columns { get; }

    /// <summary>
    /// The name of each feature, length D (as <see cref="LoadedData.ColumnNames"/>).
    /// </summary>
    IReadOnlyList<string> ColumnNames { get; }

    /// <summary>
    /// The 0-based row of the whole file at which this source starts: 0, or where a process's
    /// share of a file begins (error messages name rows of the whole file).
    /// </summary>
    long FirstRow { get; }

    /// <summary>
    /// Reads rows [start, start + count) of this source into <paramref name="destination"/>,
    /// shape (count, Columns), row-major. Safe to call from one thread at a time.
    /// </summary>
    /// <exception cref="DataFormatException">A value is not a finite number; the one-line
    /// message names the file, row (of the whole file), column and value.</exception>
    void Read(long start, int count, Span<float> destination);
}
