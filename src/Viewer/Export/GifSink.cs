namespace GmmGpu.Viewer.Export;

/// <summary>
/// An animated GIF written frame by frame into a temporary file beside the path (a palette per
/// frame, no dithering, looping), moved in place by <see cref="Complete"/>.
/// </summary>
internal sealed class GifSink : FrameSink
{
    private readonly string path;
    private readonly string temp;
    private readonly FileStream stream;
    private readonly GifWriter writer;
    private readonly byte[] pending;
    private bool hasPending;
    private int pendingDelay;
    private bool completed;

    public GifSink(string path, int width, int height)
        : base(width, height)
    {
        AtomicFile.CheckFolder(path);
        this.path = path;
        temp = AtomicFile.TempPath(path);
        pending = new byte[width * height * 4];
        stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write);
        try
        {
            writer = new GifWriter(stream, width, height);
        }
        catch
        {
            // No half-written file: the header could not be written (e.g. disk full).
            stream.Dispose();
            File.Delete(temp);
            throw;
        }
    }

    /// <summary>The last frame stays on screen longer: its delay grows, no copies.</summary>
    public override void Hold(ReadOnlySpan<byte> rgba, int frames)
    {
        if (hasPending)
        {
            pendingDelay += frames * FrameDelay;
        }
    }

    public override void Complete()
    {
        WritePending();
        writer.Finish();
        stream.Dispose();
        File.Move(temp, path, overwrite: true);
        completed = true;
    }

    /// <summary>Hundredths of a second each frame is shown.</summary>
    private const int FrameDelay = 100 / FramesPerSecond;

    // Each frame is written when the next comes (or at the end), so that a hold can still
    // lengthen the last one's delay.
    protected override void AddFrame(ReadOnlySpan<byte> rgba)
    {
        WritePending();
        rgba.CopyTo(pending);
        hasPending = true;
        pendingDelay = FrameDelay;
    }

    private void WritePending()
    {
        if (hasPending)
        {
            writer.WriteFrame(pending, pendingDelay);
            hasPending = false;
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            stream.Dispose();
            if (!completed)
            {
                File.Delete(temp);
            }
        }
    }
}
