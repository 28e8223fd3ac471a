using GmmGpu.Distributed;

namespace GmmGpu.Data;

/// <summary>
/// Opens a data file as an <see cref="IRowSource"/>, whole or one process's share. The format
/// follows the extension as in <see cref="DataReader.Read"/>: <c>.npy</c> (memory-mapped),
/// <c>.csv</c>, <c>.tsv</c>, <c>.txt</c> (parsed as read; UTF-8, one row a line: a quoted field
/// must not span lines), <c>.parquet</c> (a row group at a time).
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
        string extension = Path.GetExtension(path).ToUpperInvariant();
        if (extension is ".CSV" or ".TSV" or ".TXT")
        {
            // Checks the file itself, inside the collective, so that a failure on one rank
            // cannot leave the others waiting.
            return DelimitedRowSource.Open(path, columns, rank, size, communicator);
        }

        DataReader.CheckFile(path, columns);
        try
        {
            return extension switch
            {
                ".NPY" => NpyRowSource.Open(path, columns, rank, size),
                ".PARQUET" => ParquetRowSource.Open(path, columns, rank, size),
                _ => throw new DataFormatException(
                    $"{path}: unsupported file type \"{extension.ToLowerInvariant()}\"; "
                    + "use .npy, .csv, .tsv, .txt or .parquet."),
            };
        }
        catch (Exception error) when (DataReader.IsReadError(error))
        {
            throw DataReader.CannotRead(path, error);
        }
    }
}
