namespace GmmGpu.Viewer.Export;

/// <summary>Where rendered frames go: a GIF, an MP4 or a folder of PNGs.</summary>
public abstract class FrameSink : IDisposable
{
    /// <summary>Frames per second of animations.</summary>
    public const int FramesPerSecond = 10;

    protected FrameSink(int width, int height)
    {
        Width = width;
        Height = height;
    }

    public int Width { get; }

    public int Height { get; }

    /// <summary>Frames written so far.</summary>
    public int Count { get; private set; }

    /// <summary>
    /// A sink for <paramref name="path"/>: ".gif", ".mp4", otherwise a folder of PNG frames
    /// (made if missing; its parent must exist).
    /// </summary>
    /// <exception cref="IOException">The path's folder does not exist.</exception>
    public static FrameSink Create(string path, int width, int height)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        string extension = Path.GetExtension(path).ToLowerInvariant();
        if (extension is ".gif" or ".mp4" or ".png")
        {
            AtomicFile.CheckFolder(path);
        }

        return extension switch
        {
            ".gif" => new GifSink(path, width, height),
            ".mp4" => new Mp4Sink(path, width, height),
            ".png" => new PngSink(path, width, height),
            _ => new PngFolderSink(path, width, height),
        };
    }

    /// <summary>Adds a frame: RGBA bytes, shape (Height, Width, 4), top row first.</summary>
    public void Add(ReadOnlySpan<byte> rgba)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(rgba.Length, Width * Height * 4);
        AddFrame(rgba[..(Width * Height * 4)]);
        Count++;
    }

    /// <summary>
    /// Shows the last frame added, <paramref name="rgba"/>, for <paramref name="frames"/>
    /// frames' time more. By default it is added again that many times (a video's constant frame
    /// rate); a GIF lengthens the frame's delay, and a folder of PNGs keeps each frame once.
    /// </summary>
    public virtual void Hold(ReadOnlySpan<byte> rgba, int frames)
    {
        for (int i = 0; i < frames; i++)
        {
            Add(rgba);
        }
    }

    /// <summary>Writes the result to its final path (atomically).</summary>
    public abstract void Complete();

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected abstract void AddFrame(ReadOnlySpan<byte> rgba);

    protected virtual void Dispose(bool disposing)
    {
    }
}
