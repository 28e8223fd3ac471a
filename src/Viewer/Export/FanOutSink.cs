namespace GmmGpu.Viewer.Export;

/// <summary>Several sinks fed the same frames, so each frame is rendered once for all of them.</summary>
public sealed class FanOutSink : FrameSink
{
    private readonly FrameSink[] sinks;

    /// <summary>Sinks of one frame size; this sink owns and disposes them.</summary>
    public FanOutSink(IReadOnlyList<FrameSink> sinks)
        : base(sinks[0].Width, sinks[0].Height)
    {
        this.sinks = [.. sinks];
    }

    /// <summary>Finishes every sink.</summary>
    public override void Finish()
    {
        foreach (FrameSink sink in sinks)
        {
            sink.Finish();
        }
    }

    /// <summary>Finishes every sink before any moves its file in place: one that fails leaves
    /// none of them.</summary>
    public override void Complete()
    {
        Finish();
        foreach (FrameSink sink in sinks)
        {
            sink.Complete();
        }
    }

    /// <inheritdoc/>
    protected override void AddFrame(ReadOnlySpan<byte> rgba)
    {
        foreach (FrameSink sink in sinks)
        {
            sink.Add(rgba);
        }
    }

    /// <summary>Disposes every sink.</summary>
    protected override void Dispose(bool disposing)
    {
        foreach (FrameSink sink in sinks)
        {
            sink.Dispose();
        }
    }
}
