using System.Globalization;
using Parquet;
using Parquet.Schema;

namespace GmmGpu.Data;

/// <summary>
/// The rows of a Parquet file's numeric columns (see <see cref="ParquetColumns"/>), read row
/// group by row group: a read maps its range onto the row groups and keeps the last group's
/// values, converted to float32, for the next read. A null is an error; messages name rows of
/// the whole file from 1, as the other readers do.
/// </summary>
internal sealed class ParquetRowSource : IRowSource, IRawRows
{
    private readonly FileStream file;
    private readonly ParquetReader reader;
    private readonly DataField[] fields;
    private readonly long[] groupStarts;
    private int cachedGroup = -1;
    private double[] cached = [];
    private bool disposed;

    private ParquetRowSource(
        string path,
        FileStream file,
        ParquetReader reader,
        DataField[] fields,
        long[] groupStarts,
        (long First, long Count) share)
    {
        Name = path;
        this.file = file;
        this.reader = reader;
        this.fields = fields;
        this.groupStarts = groupStarts;
        ColumnNames = fields.Select(f => f.Name).ToArray();
        FirstRow = share.First;
        Rows = share.Count;
    }

    /// <inheritdoc/>
    public string Name { get; }

    /// <inheritdoc/>
    public long Rows { get; }

    /// <inheritdoc/>
    public int Columns => fields.Length;

    /// <inheritdoc/>
    public IReadOnlyList<string> ColumnNames { get; }

    /// <inheritdoc/>
    public long FirstRow { get; }

    /// <summary>
    /// Opens rank <paramref name="rank"/>'s share of the rows of <paramref name="path"/> among
    /// <paramref name="size"/> processes (see <see cref="RowRange.RowShare"/>); reads only the
    /// row groups that the share overlaps. Null columns keep every numeric column.
    /// </summary>
    public static ParquetRowSource Open(
        string path, IReadOnlyList<string>? columns, int rank = 0, int size = 1)
    {
        FileStream file = File.OpenRead(path);
        ParquetReader? reader = null;
        try
        {
            reader = ParquetReader.CreateAsync(file).GetAwaiter().GetResult();
            DataField[] fields = SelectFields(path, reader.Schema.GetDataFields(), columns);
            var groupStarts = new long[reader.RowGroupCount + 1];
            for (int g = 0; g < reader.RowGroupCount; g++)
            {
                groupStarts[g + 1] = groupStarts[g] + reader.RowGroups[g].RowCount;
            }

            long rows = groupStarts[^1];
            if (rows == 0)
            {
                throw new DataFormatException($"{path} has no rows.");
            }

            return new ParquetRowSource(
                path, file, reader, fields, groupStarts, RowRange.RowShare(rows, rank, size));
        }
        catch (Exception error)
        {
            reader?.DisposeAsync().AsTask().GetAwaiter().GetResult();
            file.Dispose();
            throw Failure(path, error);
        }
    }

    /// <inheritdoc/>
    public void Read(long start, int count, Span<float> destination) =>
        ReadCore(start, count, destination);

    /// <inheritdoc/>
    public void ReadRaw(long start, int count, Span<double> destination) =>
        ReadCore(start, count, destination);

    private void ReadCore<T>(long start, int count, Span<T> destination)
        where T : unmanaged, System.Numerics.IFloatingPointIeee754<T>
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        RowRange.CheckRead(this, start, count, destination);
        int width = Columns;
        long row = FirstRow + start;
        int done = 0;
        try
        {
            while (done < count)
            {
                int group = GroupOf(row);
                Load(group);
                int offset = (int)(row - groupStarts[group]);
                int take = (int)Math.Min(count - done, groupStarts[group + 1] - row);
                Span<T> target = destination.Slice(done * width, take * width);
                ReadOnlySpan<double> values = cached.AsSpan(offset * width, take * width);
                for (int i = 0; i < values.Length; i++)
                {
                    target[i] = T.CreateTruncating(values[i]);
                }

                int bad = FiniteValues.IndexOfNonFinite(target);
                if (bad >= 0)
                {
                    throw BadValue(group, offset + (bad / width), bad % width);
                }

                done += take;
                row += take;
            }
        }
        catch (Exception error)
        {
            throw Failure(Name, error);
        }
    }

    /// <summary>Closes the file.</summary>
    public void Dispose()
    {
        if (disposed)
        {
            return;
        }

        disposed = true;
        reader.DisposeAsync().AsTask().GetAwaiter().GetResult();
        file.Dispose();
    }

    private static DataField[] SelectFields(
        string path, DataField[] fields, IReadOnlyList<string>? columns)
    {
        string[] names = fields.Select(f => f.Name).ToArray();
        int[] selected = columns is null
            ? Enumerable.Range(0, fields.Length)
                .Where(i => ParquetColumns.IsNumeric(fields[i])).ToArray()
            : DataReader.ResolveColumns(path, names, columns);
        if (selected.Length == 0)
        {
            throw new DataFormatException($"{path} has no numeric columns.");
        }

        foreach (int c in selected)
        {
            if (!ParquetColumns.IsNumeric(fields[c]))
            {
                throw new DataFormatException(
                    $"{path}: column \"{names[c]}\" is not numeric; choose numeric columns "
                    + "with --columns.");
            }
        }

        return selected.Select(i => fields[i]).ToArray();
    }

    /// <summary>Our own errors pass; a read failure or Parquet.Net's complaint gets the path.
    /// </summary>
    private static Exception Failure(string path, Exception error) => error switch
    {
        DataFormatException or OutOfMemoryException => error,
        _ when DataReader.IsReadError(error) => DataReader.CannotRead(path, error),
        _ => new DataFormatException($"{path} is not a valid Parquet file: {error.Message}", error),
    };

    /// <summary>The row group that holds file row <paramref name="row"/>.</summary>
    private int GroupOf(long row)
    {
        int index = Array.BinarySearch(groupStarts, row);

        // An exact hit can be an empty group's start: take the last group starting there.
        if (index >= 0)
        {
            while (index + 1 < groupStarts.Length - 1 && groupStarts[index + 1] == row)
            {
                index++;
            }

            return index;
        }

        return ~index - 1;
    }

    /// <summary>Converts row group <paramref name="group"/> to row-major float64, null as NaN.
    /// </summary>
    private void Load(int group)
    {
        if (group == cachedGroup)
        {
            return;
        }

        cachedGroup = -1;
        using ParquetRowGroupReader groupReader = reader.OpenRowGroupReader(group);
        int count = checked((int)groupReader.RowCount);
        int width = Columns;
        if (cached.Length != (long)count * width)
        {
            cached = new double[checked(count * width)];
        }

        var column = new double?[count];
        for (int s = 0; s < width; s++)
        {
            ParquetColumns.ReadAsync(groupReader, fields[s], column).GetAwaiter().GetResult();
            for (int i = 0; i < count; i++)
            {
                cached[(i * width) + s] = column[i] is { } value ? value : double.NaN;
            }
        }

        cachedGroup = group;
    }

    /// <summary>
    /// The error for the value at row <paramref name="row"/> of a group and selected column
    /// <paramref name="column"/>: the column is read again to tell a null from a NaN and to
    /// give the value as the file holds it.
    /// </summary>
    private DataFormatException BadValue(int group, int row, int column)
    {
        using ParquetRowGroupReader groupReader = reader.OpenRowGroupReader(group);
        var values = new double?[checked((int)groupReader.RowCount)];
        ParquetColumns.ReadAsync(groupReader, fields[column], values).GetAwaiter().GetResult();
        long fileRow = groupStarts[group] + row + 1;
        return values[row] is { } value
            ? DataReader.NotFinite(
                Name, fileRow, MessageText.Quote(fields[column].Name),
                value.ToString(CultureInfo.InvariantCulture))
            : new DataFormatException(
                $"{Name} row {fileRow}, column {MessageText.Quote(fields[column].Name)}: the "
                + "value is missing (null); remove or impute missing values.");
    }
}
