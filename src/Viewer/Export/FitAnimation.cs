namespace GmmGpu.Viewer.Export;

/// <summary>Renders every frame of a fit, in order, into a sink; the last is held.</summary>
public static class FitAnimation
{
    /// <summary>
    /// Extra copies of the final frame: half a second at <see cref="FrameSink.FramesPerSecond"/>.
    /// </summary>
    public const int HeldFrames = FrameSink.FramesPerSecond / 2;

    /// <summary>
    /// Renders <paramref name="frames"/> and completes <paramref name="sink"/>; returns the frames
    /// written.
    /// </summary>
    public static int Write(
        MixtureRenderer renderer, ViewKind kind, IReadOnlyList<ViewFrame> frames, PlotData data,
        FrameSink sink, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(renderer);
        ArgumentNullException.ThrowIfNull(frames);
        ArgumentNullException.ThrowIfNull(sink);
        var rgba = new byte[renderer.Width * renderer.Height * 4];
        float azimuth = renderer.SurfaceAzimuth;
        for (int i = 0; i < frames.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            renderer.SurfaceAzimuth = azimuth + (2 * i);
            renderer.Render(kind, frames[i], data, rgba);
            sink.Add(rgba);
            if (i == frames.Count - 1)
            {
                for (int h = 0; h < HeldFrames; h++)
                {
                    sink.Add(rgba);
                }
            }
        }

        renderer.SurfaceAzimuth = azimuth;
        sink.Complete();
        return sink.Count;
    }
}
