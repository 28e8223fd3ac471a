using System.Globalization;
using GmmGpu.Files;

namespace GmmGpu.Viewer.Export;

/// <summary>
/// A folder of frame-00001.png, frame-00002.png, ... Each frame is written whole into a
/// temporary file beside its name; <see cref="Complete"/> moves them all in place and deletes
/// the frames of an earlier, longer export that the new one does not replace, so the folder
/// holds one export's frames. Until then the folder's frames are as they were, and a sink
/// disposed without completing leaves no file behind (nor the folder, if it made it).
/// </summary>
internal sealed class PngFolderSink : FrameSink
{
    private const string Prefix = "frame-", Extension = ".png";

    private readonly string folder;
    private readonly bool madeFolder;
    private readonly List<OutputFile> frames = [];
    private bool completed;

    public PngFolderSink(string folder, int width, int height)
        : base(width, height)
    {
        CheckFolder(folder);
        madeFolder = !Directory.Exists(folder);
        Directory.CreateDirectory(folder);
        this.folder = folder;
    }

    /// <summary>The parent must exist and <paramref name="folder"/> must not be a file.
    /// </summary>
    public static void CheckFolder(string folder)
    {
        string full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder));
        string parent = Path.GetDirectoryName(full) ?? "/";
        if (!Directory.Exists(parent))
        {
            throw new DirectoryNotFoundException(
                $"cannot write {folder}: the folder {parent} does not exist.");
        }

        if (File.Exists(full))
        {
            throw new IOException($"cannot write frames to {folder}: it is a file; give a folder, "
                + "or a name ending in .gif, .mp4 or .png.");
        }
    }

    /// <summary>The frame's number in a name <c>frame-NNNNN.png</c>, else null.</summary>
    public static int? FrameNumber(string fileName)
    {
        if (!fileName.StartsWith(Prefix, StringComparison.Ordinal)
            || !fileName.EndsWith(Extension, StringComparison.Ordinal))
        {
            return null;
        }

        string digits = fileName[Prefix.Length..^Extension.Length];
        return digits.Length >= 5 && digits.All(char.IsAsciiDigit)
            && int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out int n)
            ? n : null;
    }

    public override void Complete()
    {
        if (completed)
        {
            return;
        }

        foreach (OutputFile frame in frames)
        {
            frame.Commit();
        }

        // An earlier export of more iterations: its later frames are not of this one.
        foreach (string path in Directory.EnumerateFiles(folder, Prefix + "*" + Extension))
        {
            if (FrameNumber(Path.GetFileName(path)) > frames.Count)
            {
                File.Delete(path);
            }
        }

        completed = true;
    }

    /// <summary>Nothing: a folder has each frame once; holding is a matter of timing.</summary>
    public override void Hold(ReadOnlySpan<byte> rgba, int frames)
    {
    }

    protected override void AddFrame(ReadOnlySpan<byte> rgba) => frames.Add(
        ImageFrames.PreparePng(Path.Combine(folder, Name(Count + 1)), rgba, Width, Height));

    protected override void Dispose(bool disposing)
    {
        if (!disposing)
        {
            return;
        }

        // Uncommitted frames delete their temporary files.
        frames.ForEach(frame => frame.Dispose());
        frames.Clear();
        if (!completed && madeFolder && !Directory.EnumerateFileSystemEntries(folder).Any())
        {
            Directory.Delete(folder);
        }
    }

    private static string Name(int number) =>
        string.Create(CultureInfo.InvariantCulture, $"{Prefix}{number:D5}{Extension}");
}
