namespace GmmGpu.Files;

/// <summary>
/// The one check of an output path before any work starts: where it really writes (links
/// followed), that its folder exists and can be written, that it is not a folder, and whether
/// two paths name one file.
/// </summary>
internal static class OutputPaths
{
    /// <summary>
    /// The file a write to <paramref name="path"/> replaces: the full path, with a symbolic
    /// link (even a dangling one) followed to its final target, as shell redirection does.
    /// </summary>
    /// <exception cref="IOException">The links form a loop.</exception>
    public static string Target(string path)
    {
        string full = Path.GetFullPath(path);
        return new FileInfo(full).LinkTarget is null
            ? full
            : File.ResolveLinkTarget(full, returnFinalTarget: true)?.FullName ?? full;
    }

    /// <summary>
    /// Checks that <paramref name="path"/> can be written: its folder exists and takes a new
    /// file, and it names a file (a device such as /dev/null is written in place).
    /// </summary>
    /// <exception cref="DirectoryNotFoundException">The folder is missing.</exception>
    /// <exception cref="IOException">The path is a folder, or the folder cannot be written.
    /// </exception>
    /// <exception cref="UnauthorizedAccessException">No permission to write there.</exception>
    public static void Check(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        string target = Target(path);
        switch (FileIdentity.Of(target).Kind)
        {
            case FileKind.Directory:
                throw new IOException($"cannot write {path}: it is a folder; give a file name.");
            case FileKind.Special:
                return;
        }

        string folder = Folder(target);
        RequireFolder(path, folder);

        // A probe file shows a read-only folder or file system now, not after a long fit.
        string probe = TemporaryPath(target);
        try
        {
            new FileStream(probe, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1,
                FileOptions.DeleteOnClose).Dispose();
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            throw CannotWrite(path, error);
        }
    }

    /// <summary>
    /// Whether writing <paramref name="first"/> and <paramref name="second"/> would touch the
    /// same file: one existing file (device and inode: links, relative paths and hard links
    /// compare equal), or one name in one folder. Devices and FIFOs never clash (writing
    /// /dev/null twice is fine).
    /// </summary>
    public static bool SameFile(string first, string second)
    {
        FileIdentity a = FileIdentity.Of(first), b = FileIdentity.Of(second);
        if (a.Kind == FileKind.Special || b.Kind == FileKind.Special)
        {
            return false;
        }

        if (a.SameFileAs(b))
        {
            return true;
        }

        string targetA = Target(first), targetB = Target(second);
        if (targetA == targetB)
        {
            return true;
        }

        return a.Kind == FileKind.Missing && b.Kind == FileKind.Missing
            && Path.GetFileName(targetA) == Path.GetFileName(targetB)
            && FileIdentity.Of(Folder(targetA)).SameFileAs(FileIdentity.Of(Folder(targetB)));
    }

    /// <summary>The one message for an output whose folder is missing.</summary>
    /// <exception cref="DirectoryNotFoundException"><paramref name="folder"/> does not exist.
    /// </exception>
    public static void RequireFolder(string path, string folder)
    {
        if (!Directory.Exists(folder))
        {
            throw new DirectoryNotFoundException(
                $"cannot write {path}: the folder {folder} does not exist.");
        }
    }

    /// <summary>A new temporary file name beside <paramref name="target"/>, ending in .tmp.
    /// </summary>
    internal static string TemporaryPath(string target) =>
        Path.Combine(Folder(target), $".{Path.GetFileName(target)}.{Guid.NewGuid():N}.tmp");

    internal static string Folder(string target) => Path.GetDirectoryName(target) ?? "/";

    /// <summary>
    /// "cannot write PATH: reason" for a write that failed (a full disk, a read-only folder),
    /// naming the output the user gave rather than its temporary file.
    /// </summary>
    internal static IOException CannotWrite(string path, Exception error) =>
        new(error is UnauthorizedAccessException
                ? $"cannot write {path}: no permission to write in the folder "
                    + $"{Folder(Target(path))}."
                // .NET writes "No space left on device : '/folder/.name.guid.tmp'".
                : $"cannot write {path}: {error.Message.Split(" : '", 2)[0].Trim()}.",
            error);
}
