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

    public GifSink(string path, int width, int height)
        : base(width, height)
    {
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

    public override void Complete()
    {
        writer.Finish();
        output.Commit();
    }

    protected override void AddFrame(ReadOnlySpan<byte> rgba) =>
        writer.WriteFrame(rgba, 100 / FramesPerSecond);

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            output.Dispose();
        }
    }
}
