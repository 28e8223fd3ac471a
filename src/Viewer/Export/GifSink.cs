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
    private bool completed;

    public GifSink(string path, int width, int height)
        : base(width, height)
    {
        AtomicFile.CheckFolder(path);
        this.path = path;
        temp = AtomicFile.TempPath(path);
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

    public override void Complete()
    {
        writer.Finish();
        stream.Dispose();
        File.Move(temp, path, overwrite: true);
        completed = true;
    }

    protected override void AddFrame(ReadOnlySpan<byte> rgba) =>
        writer.WriteFrame(rgba, 100 / FramesPerSecond);

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
