using System.Runtime.ExceptionServices;
using GmmGpu.Distributed;
using nietras.SeparatedValues;

namespace GmmGpu.Data;

/// <summary>
/// The rows of a delimited text file (CSV, TSV; see <see cref="DelimitedLayout"/>), parsed as
/// they are read. Opening scans the bytes once to count the rows; a read that starts where the
/// last one ended goes on with the open reader, any other reopens the file and skips to its
/// start. Messages name lines of the whole file (1-based, the header counted), as the
/// whole-file reader does.
/// </summary>
internal sealed class DelimitedRowSource : IRowSource, IRawRows
{
    private readonly DelimitedLayout layout;
    private readonly long shareStart;
    private readonly long linesBefore;
    private SepReader? reader;
    private long nextRow;
    private readonly long skip;
    private bool disposed;

    /// <param name="skip">Rows at the share's byte start that belong to the rank before (which
    /// reads them past its own end), so that shares start on a multiple of
    /// RowRange.Alignment.</param>
    private DelimitedRowSource(
        DelimitedLayout layout,
        long shareStart,
        long linesBefore,
        long firstRow,
        long rows,
        long skip = 0)
    {
        this.layout = layout;
        this.skip = skip;
        this.shareStart = shareStart;
        this.linesBefore = linesBefore;
        FirstRow = firstRow;
        Rows = rows;
    }

    /// <inheritdoc/>
    public string Name => layout.Path;

    /// <inheritdoc/>
    public long Rows { get; }

    /// <inheritdoc/>
    public int Columns => layout.ColumnNames.Count;

    /// <inheritdoc/>
    public IReadOnlyList<string> ColumnNames => layout.ColumnNames;

    /// <inheritdoc/>
    public long FirstRow { get; }

    /// <summary>
    /// Opens rank <paramref name="rank"/>'s share of <paramref name="path"/> among
    /// <paramref name="size"/> processes: the lines that start in its part of the bytes after the
    /// header (parts of equal length). Each rank counts its own rows, and one all-reduce of the
    /// counts over <paramref name="communicator"/> (not needed when size is 1) tells it where
    /// its rows start in the whole file. Every rank takes part in the all-reduce even when it
    /// fails, so that none waits for ever; a rank that fails throws its own error, the others
    /// name it.
    /// </summary>
    public static DelimitedRowSource Open(
        string path,
        IReadOnlyList<string>? columns,
        int rank = 0,
        int size = 1,
        ICommunicator? communicator = null)
    {
        if (size > 1)
        {
            ArgumentNullException.ThrowIfNull(communicator);
        }

        DelimitedLayout? layout = null;
        long shareStart = 0, lines = 0, rows = 0;
        ExceptionDispatchInfo? failure = null;
        try
        {
            DataReader.CheckFile(path, columns);
            layout = DelimitedLayout.Read(path, columns);
            using var scanner = new DelimitedLineScanner(path);
            (long first, long count) =
                RowRange.Share(scanner.Length - layout.DataStart, rank, size);
            shareStart = scanner.LineStartAtOrAfter(layout.DataStart + first, layout.DataStart);
            (lines, rows) = scanner.Count(shareStart, layout.DataStart + first + count,
                layout.Delimiter);
        }
        catch (Exception error) when (DataReader.IsReadError(error))
        {
            failure = ExceptionDispatchInfo.Capture(DataReader.CannotRead(path, error));
        }
        catch (Exception error)
        {
            failure = ExceptionDispatchInfo.Capture(error);
        }

        // Slot r holds rank r's row count (-1 when it failed), slot size + r its line count.
        var counts = new double[2 * size];
        counts[rank] = failure is null ? rows : -1;
        counts[size + rank] = lines;
        if (size > 1)
        {
            communicator!.AllReduceSum(counts);
        }

        failure?.Throw();
        int failed = Array.FindIndex(counts, 0, size, c => c < 0);
        if (failed >= 0)
        {
            // Not this rank's failure: the rank that failed reports it (see Agreement).
            throw new GmmGpu.Distributed.RankFailedException(
                failed,
                $"{path}: rank {failed} could not read its share of the file; its own message "
                + "names the cause.");
        }

        if (counts.Take(size).Sum() == 0)
        {
            throw new DataFormatException(layout!.HasHeader
                ? $"{path} has a header but no data rows."
                : $"{path} is empty.");
        }

        long firstRow = (long)counts.Take(rank).Sum();
        long linesBefore = layout!.LinesBeforeData + (long)counts.Skip(size).Take(rank).Sum();
        var total = (long)counts.Take(size).Sum();
        long alignedFirst = RowRange.Align(firstRow, total);
        long alignedEnd = RowRange.Align(firstRow + rows, total);
        return new DelimitedRowSource(
            layout,
            shareStart,
            linesBefore,
            alignedFirst,
            alignedEnd - alignedFirst,
            alignedFirst - firstRow);
    }

    /// <inheritdoc/>
    public void Read(long start, int count, Span<float> destination) =>
        ReadCore(start, count, destination);

    /// <inheritdoc/>
    public void ReadRaw(long start, int count, Span<double> destination) =>
        ReadCore(start, count, destination);

    private void ReadCore<T>(long start, int count, Span<T> destination)
        where T : System.Numerics.IFloatingPointIeee754<T>
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        RowRange.CheckRead(this, start, count, destination);
        try
        {
            if (reader is null || skip + start < nextRow)
            {
                Reopen();
            }

            while (nextRow < skip + start)
            {
                NextRow();
            }

            int width = Columns;
            for (int i = 0; i < count; i++)
            {
                SepReader.Row row = NextRow();

                // One row is one line, so Sep's row index (blank lines included) is the line.
                long line = linesBefore + row.RowIndex + 1;
                layout.Parse(row, line, destination.Slice(i * width, width));
            }
        }
        catch (Exception error)
        {
            // The reader stands past a row that was not returned: the next read starts afresh.
            CloseReader();
            if (DataReader.IsReadError(error))
            {
                throw DataReader.CannotRead(Name, error);
            }

            throw;
        }
    }

    /// <summary>Closes the file.</summary>
    public void Dispose()
    {
        disposed = true;
        CloseReader();
    }

    private void Reopen()
    {
        CloseReader();
        var stream = new FileStream(
            Name, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16,
            FileOptions.SequentialScan);
        try
        {
            stream.Position = shareStart;
            reader = DelimitedLayout.Options(layout.Delimiter).From(stream);
        }
        catch
        {
            stream.Dispose();
            throw;
        }

        nextRow = 0;
    }

    /// <summary>Moves to the next line that holds a row.</summary>
    private SepReader.Row NextRow()
    {
        while (reader!.MoveNext())
        {
            if (!DelimitedLayout.IsBlank(reader.Current, layout.Delimiter))
            {
                nextRow++;
                return reader.Current;
            }
        }

        throw new DataFormatException(
            $"{Name}: data row {FirstRow + nextRow + 1} (of the rows found when the file was "
            + "opened) is missing; the file changed, or a quoted field spans lines, which is "
            + "not supported.");
    }

    private void CloseReader()
    {
        reader?.Dispose();
        reader = null;
    }
}
