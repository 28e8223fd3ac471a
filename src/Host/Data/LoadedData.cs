namespace GmmGpu.Data;

/// <summary>A data set read from a file: row-major float32 values and their column names.</summary>
public sealed class LoadedData
{
    internal LoadedData(
        string path, ReadOnlyMemory<float> values, long rows, IReadOnlyList<string> columnNames)
    {
        Path = path;
        Values = values;
        Rows = rows;
        ColumnNames = columnNames;
    }

    /// <summary>The file the data came from.</summary>
    public string Path { get; }

    /// <summary>
    /// The values, shape (<see cref="Rows"/>, <see cref="Features"/>), row-major, finite.
    /// </summary>
    public ReadOnlyMemory<float> Values { get; }

    /// <summary>
    /// What was subtracted from each feature (in float64) before the values became float32,
    /// shape (D), or null when the values are the file's own (<see
    /// cref="DataReader.ReadCentred"/>).
    /// </summary>
    public IReadOnlyList<double>? Origin { get; init; }

    /// <summary>Number of points N, ≥ 1.</summary>
    public long Rows { get; }

    /// <summary>Number of features D, ≥ 1.</summary>
    public int Features => ColumnNames.Count;

    /// <summary>
    /// The name of each feature, length D: the CSV header's names, or for a file without one
    /// (and for <c>.npy</c>) the column's 0-based index in the file as text ("0", "1", ...).
    /// </summary>
    public IReadOnlyList<string> ColumnNames { get; }
}
