namespace GmmGpu.Viewer.Export;

/// <summary>
/// Draws a fit into a sink, one frame per snapshot in order, and holds the last frame (in the
/// timing of a GIF or MP4; a folder gets each frame once). The surface view turns a little each
/// frame. Every frame has one density scale, fixed from the data before the first (see
/// <see cref="AnimationScale"/>). Use on the renderer's thread.
/// </summary>
public sealed class FitAnimation
{
    /// <summary>
    /// How long the final frame is held, in frames: half a second at
    /// <see cref="FrameSink.FramesPerSecond"/>.
    /// </summary>
    public const int HeldFrames = FrameSink.FramesPerSecond / 2;

    /// <summary>Degrees the surface view turns per frame, so its shape shows as it changes.
    /// </summary>
    public const float DegreesPerFrame = 2;

    private readonly MixtureRenderer renderer;
    private readonly ViewKind kind;
    private readonly PlotData data;
    private readonly FrameSink sink;
    private readonly FitHistory history = new();
    private readonly byte[] rgba;
    private readonly OrbitCamera camera;
    private int drawn;

    /// <param name="renderer">Draws the frames; its size is the sink's.</param>
    public FitAnimation(MixtureRenderer renderer, ViewKind kind, PlotData data, FrameSink sink)
    {
        ArgumentNullException.ThrowIfNull(renderer);
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(sink);
        if (renderer.Width != sink.Width || renderer.Height != sink.Height)
        {
            throw new ArgumentException($"the renderer draws {renderer.Width}x{renderer.Height} "
                + $"but the sink takes {sink.Width}x{sink.Height}.", nameof(sink));
        }

        this.renderer = renderer;
        this.kind = kind;
        this.data = data;
        this.sink = sink;
        rgba = new byte[renderer.Width * renderer.Height * 4];
        camera = renderer.Settings.SurfaceCamera;
        renderer.Settings.DensityScale = AnimationScale.FromData(data);
    }

    /// <summary>Draws the next snapshot of the fit into the sink.</summary>
    public void Add(IterationSnapshot snapshot)
    {
        ViewFrame frame = history.Add(snapshot);
        renderer.Settings.SurfaceCamera = camera.Turn(DegreesPerFrame * drawn);
        try
        {
            renderer.Render(kind, frame, data, rgba);
        }
        finally
        {
            renderer.Settings.SurfaceCamera = camera;
        }

        sink.Add(rgba);
        drawn++;
    }

    /// <summary>Holds the last frame, completes the sink; returns the frames written.</summary>
    public int Complete()
    {
        if (drawn > 0)
        {
            sink.Hold(rgba, HeldFrames);
        }

        sink.Complete();
        return sink.Count;
    }
}
