namespace GmmGpu.Viewer.Export;

/// <summary>One PNG: the last frame added.</summary>
internal sealed class PngSink(string path, int width, int height) : FrameSink(width, height)
{
    private byte[]? last;

    public override void Complete()
    {
        if (last is not null)
        {
            ImageFrames.SavePng(path, last, Width, Height);
        }
    }

    protected override void AddFrame(ReadOnlySpan<byte> rgba) => last = rgba.ToArray();
}
