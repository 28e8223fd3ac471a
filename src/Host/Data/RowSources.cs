using GmmGpu.Distributed;

namespace GmmGpu.Data;

/// <summary>
/// Opens a data file as an <see cref="IRowSource"/>, whole or one process's share. The format
/// follows the extension as in <see cref="DataReader.Read"/>: <c>.npy</c> (memory-mapped),
/// <c>.csv</c>, <c>.tsv</c>, <c>.txt</c>, <c>.dat</c> (parsed as read; UTF-8, one row a line: a
/// quoted field must not span lines), <c>.parquet</c> (a row group at a time); for any other
/// name (<c>/dev/fd/63</c>, <c>data</c>) the first bytes tell: <c>\x93NUMPY</c> is
/// <c>.npy</c>, <c>PAR1</c> Parquet, anything else delimited text. A pipe, FIFO or device is
/// read once into a temporary copy that nothing outlives.
/// </summary>
public static class RowSources
{
    /// <summary>Opens every row of <paramref name="path"/>.</summary>
    /// <param name="path">The file to read.</param>
    /// <param name="columns">
    /// The columns to keep, in this order, each by header name or by 0-based index in the file;
    /// null keeps them all (for Parquet, all the numeric ones).
    /// </param>
    /// <returns>The rows, ≥ 1 of them, with <see cref="IRowSource.FirstRow"/> 0; the caller
    /// disposes it. Values are checked as they are read.</returns>
    /// <exception cref="DataFormatException">
    /// The file is missing, empty, malformed or of an unsupported type, or a column does not
    /// exist; the one-line message names the file and the remedy.
    /// </exception>
    public static IRowSource Open(string path, IReadOnlyList<string>? columns = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        return OpenCore(path, columns, 0, 1, communicator: null);
    }

    /// <summary>
    /// Opens rank <paramref name="rank"/>'s contiguous share of the rows of
    /// <paramref name="path"/> among <paramref name="size"/> processes, reading only that share:
    /// the shares of ranks 0 to size - 1, in order, are every row of the file exactly once. For
    /// <c>.npy</c> and Parquet the share is rows [rank·N/size, (rank+1)·N/size). For delimited
    /// text it is the lines that start in bytes [rank·S/size, (rank+1)·S/size) of the S bytes
    /// after the header; each process counts its own lines and one
    /// <see cref="ICommunicator.AllReduceSum"/> of the counts (a collective: every rank must call
    /// this method) gives each its <see cref="IRowSource.FirstRow"/>, so messages name rows of
    /// the whole file. Every boundary between shares is then rounded up to a multiple of 256
    /// rows (text shares read the few rows past their bytes), so that the sums match one
    /// process's; a share is empty (0 rows) when the file has fewer than 256 rows a process.
    /// </summary>
    /// <param name="path">The file to read; every rank opens the same one.</param>
    /// <param name="columns">As for <see cref="Open"/>.</param>
    /// <param name="rank">This process's share, in [0, size): normally the communicator's rank.
    /// </param>
    /// <param name="size">The number of shares, ≥ 1: normally the communicator's size.</param>
    /// <param name="communicator">The processes that open the shares (used for delimited text).
    /// </param>
    /// <returns>The share; the caller disposes it.</returns>
    /// <exception cref="DataFormatException">
    /// As for <see cref="Open"/>; for delimited text, every rank throws when any rank fails (the
    /// failing rank with its own message, the others naming that rank), and none waits for ever.
    /// </exception>
    public static IRowSource OpenShare(
        string path,
        IReadOnlyList<string>? columns,
        int rank,
        int size,
        ICommunicator communicator)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(communicator);
        return OpenCore(path, columns, rank, size, communicator);
    }

    private static IRowSource OpenCore(
        string path,
        IReadOnlyList<string>? columns,
        int rank,
        int size,
        ICommunicator? communicator)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(size);
        ArgumentOutOfRangeException.ThrowIfNegative(rank);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(rank, size);
        DataKind? known = KindOf(Path.GetExtension(path));
        if (known == DataKind.Delimited && size > 1)
        {
            // Checks the file itself, inside the collective, so that a failure on one rank
            // cannot leave the others waiting.
            return DelimitedRowSource.Open(path, columns, rank, size, communicator);
        }

        DataReader.CheckFile(path, columns);
        try
        {
            using var stream = new FileStream(
                path, FileMode.Open, FileAccess.Read, FileShare.Read, 4096,
                FileOptions.SequentialScan);

            // A pipe, a FIFO or a device (no length) is read once into a copy that can seek.
            if (!stream.CanSeek || stream.Length == 0)
            {
                if (size > 1)
                {
                    throw new DataFormatException(
                        $"{path} is a pipe or a device: processes cannot share it; save it to a "
                        + "file first.");
                }

                DataKind kind = known ?? DataKind.Delimited;
                SpooledInput spool = SpooledInput.Copy(path, stream, head =>
                {
                    kind = known ?? Sniff(head);
                    if (kind == DataKind.Delimited)
                    {
                        DelimitedLineScanner.CheckIsText(path, head);
                    }
                    else if (Sniff(head) != kind)
                    {
                        throw new DataFormatException(
                            $"{path} is not a {(kind == DataKind.Npy ? ".npy" : "Parquet")} "
                            + "file: it does not start with the format's magic string.");
                    }
                });
                return RenamedRowSource.Open(
                    spool, path, copy => OpenKind(kind, copy, columns, 0, 1, null));
            }

            Span<byte> head = stackalloc byte[8];
            int length = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
            DataKind sniffed = known ?? Sniff(head[..length]);
            stream.Dispose();
            return OpenKind(sniffed, path, columns, rank, size, communicator);
        }
        catch (Exception error) when (DataReader.IsReadError(error))
        {
            throw DataReader.CannotRead(path, error);
        }
    }

    /// <summary>The format an extension names; null for none or another one.</summary>
    private static DataKind? KindOf(string extension) => extension.ToUpperInvariant() switch
    {
        ".NPY" => DataKind.Npy,
        ".PARQUET" => DataKind.Parquet,
        ".CSV" or ".TSV" or ".TXT" or ".DAT" => DataKind.Delimited,
        _ => null,
    };

    /// <summary>The format that a file's first bytes show: NumPy's and Parquet's magic
    /// strings, else delimited text (checked to be text when it is read).</summary>
    private static DataKind Sniff(ReadOnlySpan<byte> head) =>
        head.StartsWith(NpyMagic) ? DataKind.Npy
            : head.StartsWith("PAR1"u8) ? DataKind.Parquet
            : DataKind.Delimited;

    private static IRowSource OpenKind(
        DataKind kind,
        string path,
        IReadOnlyList<string>? columns,
        int rank,
        int size,
        ICommunicator? communicator) => kind switch
        {
            DataKind.Npy => NpyRowSource.Open(path, columns, rank, size),
            DataKind.Parquet => ParquetRowSource.Open(path, columns, rank, size),
            _ => DelimitedRowSource.Open(path, columns, rank, size, communicator),
        };

    private static ReadOnlySpan<byte> NpyMagic =>
        [0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y'];

    private enum DataKind
    {
        Npy,
        Parquet,
        Delimited,
    }
}
