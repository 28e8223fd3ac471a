namespace GmmGpu.Viewer.Export;

/// <summary>
/// Writes a file through a temporary file in the same folder, then moves it in place.
/// </summary>
internal static class AtomicFile
{
    /// <exception cref="DirectoryNotFoundException">The folder of <paramref name="path"/> is
    /// missing.</exception>
    public static void CheckFolder(string path)
    {
        string folder = Path.GetDirectoryName(Path.GetFullPath(path)) ?? ".";
        if (!Directory.Exists(folder))
        {
            throw new DirectoryNotFoundException(
                $"cannot write {path}: the folder {folder} does not exist.");
        }
    }

    /// <summary>A temporary path beside <paramref name="path"/>, with the same extension.</summary>
    public static string TempPath(string path)
    {
        string full = Path.GetFullPath(path);
        return Path.Combine(Path.GetDirectoryName(full) ?? ".",
            $".{Path.GetFileNameWithoutExtension(full)}.{Guid.NewGuid():N}.tmp"
            + Path.GetExtension(full));
    }

    public static void Write(string path, Action<Stream> write)
    {
        CheckFolder(path);
        string temp = TempPath(path);
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write))
            {
                write(stream);
            }

            File.Move(temp, path, overwrite: true);
        }
        catch
        {
            File.Delete(temp);
            throw;
        }
    }
}
