using GmmGpu.Files;

namespace GmmGpu.Viewer.Export;

/// <summary>Where rendered frames go: a GIF, an MP4 or a folder of PNGs.</summary>
public abstract class FrameSink : IDisposable
{
    /// <summary>Frames per second of animations.</summary>
    public const int FramesPerSecond = 10;

    /// <param name="width">Width of every frame in pixels, 1 to
    /// <see cref="MixtureRenderer.MaxSize"/>.</param>
    /// <param name="height">Height of every frame in pixels.</param>
    protected FrameSink(int width, int height)
    {
        Width = width;
        Height = height;
    }

    /// <summary>Width of every frame, in pixels.</summary>
    public int Width { get; }

    /// <summary>Height of every frame, in pixels.</summary>
    public int Height { get; }

    /// <summary>Frames written so far.</summary>
    public int Count { get; private set; }

    /// <summary>The extensions of animation and picture files: .gif, .mp4, .png.</summary>
    public static IReadOnlyList<string> FileExtensions { get; } = [".gif", ".mp4", ".png"];

    /// <summary>
    /// A sink for <paramref name="path"/>: ".gif", ".mp4", ".png" (the last frame), or a
    /// folder of PNG frames (a name without an extension, one ending in "/", or an existing
    /// folder; made if missing, its parent must exist).
    /// </summary>
    /// <exception cref="ArgumentException">Another extension (.webm): unknown kind.</exception>
    /// <exception cref="IOException">The path's folder does not exist or cannot be written.
    /// </exception>
    public static FrameSink Create(string path, int width, int height)
    {
        CheckPath(path);
        return Path.GetExtension(path).ToLowerInvariant() switch
        {
            ".gif" => new GifSink(path, width, height),
            ".mp4" => new Mp4Sink(path, width, height),
            ".png" => new PngSink(path, width, height),
            _ => new PngFolderSink(path, width, height),
        };
    }

    /// <summary>Checks <paramref name="path"/> as <see cref="Create"/> would, without creating
    /// anything, so a command fails before its long work.</summary>
    /// <inheritdoc cref="Create"/>
    public static void CheckPath(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (IsFolder(path))
        {
            PngFolderSink.CheckFolder(path);
            return;
        }

        if (!FileExtensions.Contains(Path.GetExtension(path).ToLowerInvariant()))
        {
            throw new ArgumentException(
                $"cannot export to {path}: unknown kind \"{Path.GetExtension(path)}\"; give a "
                + "name ending in .gif, .mp4 or .png, or a folder for PNG frames.",
                nameof(path));
        }

        OutputFile.Check(path);
    }

    /// <summary>Whether <paramref name="path"/> names a folder of frames.</summary>
    private static bool IsFolder(string path) =>
        Path.EndsInDirectorySeparator(path) || Directory.Exists(path)
        || Path.GetExtension(path).Length == 0;

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

    /// <summary>
    /// Writes everything but the final move (a temporary file beside the path, complete), so
    /// that <see cref="Complete"/> then only moves it in place: several outputs finished first
    /// appear together or not at all. Idempotent.
    /// </summary>
    public virtual void Finish()
    {
    }

    /// <summary>Writes the result to its final path (atomically): <see cref="Finish"/>, then
    /// the move.</summary>
    public abstract void Complete();

    /// <summary>Releases the sink; a sink not completed leaves no file behind.</summary>
    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Writes one frame, RGBA bytes of shape (Height, Width, 4), top row first.
    /// </summary>
    protected abstract void AddFrame(ReadOnlySpan<byte> rgba);

    /// <summary>Releases what the sink holds (<paramref name="disposing"/>: called from
    /// <see cref="Dispose()"/>).</summary>
    protected virtual void Dispose(bool disposing)
    {
    }
}
