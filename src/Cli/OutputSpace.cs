namespace GmmGpu.Cli;

/// <summary>Checks, before a long streamed write, that its output can fit on the disk.</summary>
internal static class OutputSpace
{
    /// <summary>Rows drawn and written at a time by the streamed outputs.</summary>
    public const int BatchRows = 65536;

    /// <summary>
    /// Fails (exit 1: the command line is fine, the machine is short of disk) when a table of
    /// <paramref name="rows"/> × <paramref name="columns"/> cannot fit in the free space of its
    /// folder: 4 bytes a value in .npy, at least 2 (a digit and a separator) in CSV.
    /// </summary>
    /// <exception cref="IOException">The free space is too small.</exception>
    public static void Check(string path, long rows, int columns)
    {
        bool npy = Path.GetExtension(path).Equals(".npy", StringComparison.OrdinalIgnoreCase);
        double needed = (double)rows * columns * (npy ? 4 : 2);
        string folder = Path.GetDirectoryName(Path.GetFullPath(path)) ?? ".";
        long free = new DriveInfo(folder).AvailableFreeSpace;
        if (needed > free)
        {
            throw new IOException(
                CommandSupport.Format($"cannot write {path}: {rows} rows of {columns} values ")
                + $"need {(npy ? "" : "at least ")}{Gigabytes(needed)} but {folder} has "
                + $"{Gigabytes(free)} free; ask for fewer points.");
        }
    }

    private static string Gigabytes(double bytes) =>
        CommandSupport.Format($"{bytes / (1L << 30):F1} GB");
}
