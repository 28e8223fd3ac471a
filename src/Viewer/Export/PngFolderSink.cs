using GmmGpu.Files;

namespace GmmGpu.Viewer.Export;

/// <summary>A folder of frame-00001.png, frame-00002.png, ...</summary>
internal sealed class PngFolderSink : FrameSink
{
    private readonly string folder;

    public PngFolderSink(string folder, int width, int height)
        : base(width, height)
    {
        CheckFolder(folder);
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

    public override void Complete()
    {
    }

    /// <summary>Nothing: a folder has each frame once; holding is a matter of timing.</summary>
    public override void Hold(ReadOnlySpan<byte> rgba, int frames)
    {
    }

    protected override void AddFrame(ReadOnlySpan<byte> rgba) =>
        ImageFrames.SavePng(Path.Combine(folder, $"frame-{Count + 1:D5}.png"), rgba, Width, Height);
}
