namespace GmmGpu.Viewer.Export;

/// <summary>A folder of frame-00001.png, frame-00002.png, ...</summary>
internal sealed class PngFolderSink : FrameSink
{
    private readonly string folder;

    public PngFolderSink(string folder, int width, int height)
        : base(width, height)
    {
        string parent = Path.GetDirectoryName(Path.GetFullPath(folder).TrimEnd('/')) ?? ".";
        if (!Directory.Exists(parent))
        {
            throw new DirectoryNotFoundException(
                $"cannot write frames to {folder}: the folder {parent} does not exist.");
        }

        if (File.Exists(folder))
        {
            throw new IOException($"cannot write frames to {folder}: it is a file; give a folder, "
                + "or a name ending in .gif, .mp4 or .png.");
        }

        Directory.CreateDirectory(folder);
        this.folder = folder;
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
