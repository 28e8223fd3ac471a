using GmmGpu.Files;

namespace GmmGpu.Viewer.Export;

/// <summary>One PNG: the last frame added.</summary>
internal sealed class PngSink(string path, int width, int height) : FrameSink(width, height)
{
    private byte[]? last;
    private OutputFile? output;

    public override void Finish()
    {
        if (last is not null && output is null)
        {
            output = ImageFrames.PreparePng(path, last, Width, Height);
        }
    }

    public override void Complete()
    {
        Finish();
        output?.Commit();
    }

    protected override void AddFrame(ReadOnlySpan<byte> rgba) => last = rgba.ToArray();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            output?.Dispose();
        }
    }
}
