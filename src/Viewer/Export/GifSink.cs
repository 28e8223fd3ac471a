using GmmGpu.Files;

namespace GmmGpu.Viewer.Export;

/// <summary>
/// An animated GIF written frame by frame into a temporary file beside the path (a palette per
/// frame, no dithering, looping), moved in place by <see cref="Complete"/>.
/// </summary>
internal sealed class GifSink : FrameSink
{
    private readonly OutputFile output;
    private readonly GifWriter writer;
    private readonly byte[] pending;
    private bool hasPending;
    private int pendingDelay;

    public GifSink(string path, int width, int height)
        : base(width, height)
    {
        pending = new byte[width * height * 4];
        output = OutputFile.Create(path);
        try
        {
            writer = new GifWriter(output.Stream, width, height);
        }
        catch
        {
            // No half-written file: the header could not be written (e.g. disk full).
            output.Dispose();
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
        output.Commit();
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
            output.Dispose();
        }
    }
}
