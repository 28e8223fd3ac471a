namespace GmmGpu.Data;

/// <summary>
/// A row source read from a <see cref="SpooledInput"/>'s copy but named, in
/// <see cref="Name"/> and in every message, after the input the user gave; disposing it
/// deletes the copy.
/// </summary>
internal sealed class RenamedRowSource : IRowSource, IMappedRows, IRawRows
{
    private readonly IRowSource inner;
    private readonly SpooledInput spool;
    private float[]? scratch;

    private RenamedRowSource(IRowSource inner, SpooledInput spool, string name)
    {
        this.inner = inner;
        this.spool = spool;
        Name = name;
    }

    /// <inheritdoc/>
    public string Name { get; }

    /// <inheritdoc/>
    public long Rows => inner.Rows;

    /// <inheritdoc/>
    public int Columns => inner.Columns;

    /// <inheritdoc/>
    public IReadOnlyList<string> ColumnNames => inner.ColumnNames;

    /// <inheritdoc/>
    public long FirstRow => inner.FirstRow;

    /// <summary>
    /// Opens <paramref name="spool"/>'s copy with <paramref name="open"/>, naming it
    /// <paramref name="name"/>; the source owns the spool (it is disposed here on failure).
    /// </summary>
    public static IRowSource Open(SpooledInput spool, string name, Func<string, IRowSource> open)
    {
        try
        {
            return new RenamedRowSource(open(spool.OpenPath), spool, name);
        }
        catch (DataFormatException error)
        {
            spool.Dispose();
            throw Renamed(error, spool.OpenPath, name);
        }
        catch
        {
            spool.Dispose();
            throw;
        }
    }

    /// <inheritdoc/>
    public void Read(long start, int count, Span<float> destination)
    {
        try
        {
            inner.Read(start, count, destination);
        }
        catch (DataFormatException error)
        {
            throw Renamed(error, spool.OpenPath, Name);
        }
    }

    /// <inheritdoc/>
    bool IMappedRows.TryMap(long start, int count, out ReadOnlyMemory<float> rows)
    {
        try
        {
            return inner.TryMapRows(start, count, out rows);
        }
        catch (DataFormatException error)
        {
            throw Renamed(error, spool.OpenPath, Name);
        }
    }

    /// <inheritdoc/>
    void IRawRows.ReadRaw(long start, int count, Span<double> destination)
    {
        try
        {
            RawRows.Read(inner, start, count, destination, ref scratch);
        }
        catch (DataFormatException error)
        {
            throw Renamed(error, spool.OpenPath, Name);
        }
    }

    /// <summary>Closes the source and deletes the copy.</summary>
    public void Dispose()
    {
        inner.Dispose();
        spool.Dispose();
    }

    private static DataFormatException Renamed(DataFormatException error, string from, string to) =>
        new(error.Message.Replace(from, to, StringComparison.Ordinal), error);
}
