namespace GmmGpu.Data;

/// <summary>
/// A row source whose rows already lie in memory as row-major float32 (an array, or a mapped
/// float32 .npy with every column), so that a pass computes on them where they lie instead of
/// copying them: on the CPU, streaming a file in the page cache then costs no copy at all.
/// </summary>
internal interface IMappedRows
{
    /// <summary>
    /// Rows [start, start + count) in place, shape (count, Columns), valid until the source is
    /// disposed, each value checked as <see cref="IRowSource.Read"/> checks it (the first time
    /// it is mapped). False when the rows are not stored that way (float64, some columns).
    /// </summary>
    /// <exception cref="DataFormatException">A value is not finite (as Read says it).</exception>
    bool TryMap(long start, int count, out ReadOnlyMemory<float> rows);
}

/// <summary>Mapping rows of any source: in place when it can, else not at all.</summary>
internal static class MappedRows
{
    /// <summary>
    /// Rows [start, start + count) of <paramref name="source"/> in place when it is an
    /// <see cref="IMappedRows"/> that can map them; false when they must be read.
    /// </summary>
    public static bool TryMapRows(
        this IRowSource source, long start, int count, out ReadOnlyMemory<float> rows)
    {
        rows = default;
        return source is IMappedRows mapped && mapped.TryMap(start, count, out rows);
    }
}
