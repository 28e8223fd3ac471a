using GmmGpu.Engine;
using GmmGpu.Viewer.Export;
using GmmGpu.Viewer.Gl;

namespace GmmGpu.Viewer.Live;

/// <summary>
/// The live window of a fit. EM reports snapshots from its own thread (<see cref="Report"/> never
/// waits on drawing); <see cref="Run"/> draws the latest on the window's thread. Keys: 1–5 pick
/// the view, Tab the next one, C switches the points view between density and component colours,
/// Space pauses the picture, Esc closes the window. The mouse: in the surface view a left-button
/// drag orbits the camera and the wheel moves it closer; in the points view the wheel zooms
/// about the mouse (a sample drawn point by point). R resets the camera and the zoom.
/// </summary>
public sealed partial class LiveView : IProgress<IterationSnapshot>
{
    private static readonly ViewKind[] Order =
        [ViewKind.HeatMap, ViewKind.Points, ViewKind.Histogram, ViewKind.Surface, ViewKind.Curves];

    /// <summary>
    /// New snapshots are drawn at most this often: each frame costs tens of milliseconds of CPU
    /// on a software renderer, which EM on a small machine would otherwise lose.
    /// </summary>
    private static readonly TimeSpan MinimumFrameInterval = TimeSpan.FromMilliseconds(250);

    private readonly object gate = new();
    private readonly FitHistory history = new();
    private ViewFrame? latest;
    private int version;

    // The rest belongs to the window's thread.
    private ViewKind kind;
    private bool paused;

    /// <summary>Set when the picture must be drawn again (view, colours or camera changed).
    /// </summary>
    private bool stale = true;

    /// <summary>The camera the user orbited to; null while the surface turns by itself, a
    /// little each iteration, as in the exported animations.</summary>
    private OrbitCamera? orbit;

    /// <summary>How the points view colours the data; C in the window switches it.</summary>
    public ColorBy ColorBy { get; set; }

    /// <summary>Frames drawn so far by <see cref="Run"/>.</summary>
    public int FramesDrawn { get; private set; }

    public void Report(IterationSnapshot value)
    {
        lock (gate)
        {
            latest = history.Add(value);
            version++;
        }
    }

    /// <summary>Shows the fit until the window closes; then returns (the fit goes on).</summary>
    /// <param name="start">The model before the first snapshot (shown until one comes).</param>
    /// <param name="backend">Evaluates density grids; not the one EM is using.</param>
    public void Run(
        GlfwWindowContext window, IComputeBackend backend, PlotData data, ViewKind kind,
        MixtureParameters? start, Func<bool> fitDone, CancellationToken stop = default)
    {
        ArgumentNullException.ThrowIfNull(window);
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(fitDone);
        (int width, int height) = window.FramebufferSize;
        using var renderer = new MixtureRenderer(Math.Max(width, 1), Math.Max(height, 1),
            backend, window);
        var input = new WindowInput(window);
        this.kind = kind;
        int drawn = -1;
        ViewFrame? frame = start is null ? null : new ViewFrame(start, []);
        var sinceDraw = System.Diagnostics.Stopwatch.StartNew();
        while (!window.ShouldClose && !stop.IsCancellationRequested)
        {
            if (!HandleKeys(input, renderer))
            {
                window.Close();
                break;
            }

            HandleMouse(input, renderer, data);
            int current = Volatile.Read(ref version);
            if (!paused && current != drawn
                && (sinceDraw.Elapsed >= MinimumFrameInterval || fitDone()))
            {
                frame = Latest() ?? frame;
                drawn = current;
                stale = true;
            }

            if (frame is not null && stale)
            {
                Draw(renderer, frame, data);
                sinceDraw.Restart();
                window.SetTitle($"gmm: {frame.Title}{(paused ? "  (paused)" : "")}"
                    + (fitDone() ? "  (done)" : ""));
            }

            (width, height) = window.FramebufferSize;
            renderer.Blit(width, height);
            window.SwapBuffers();
            GlfwWindowContext.WaitEvents(1 / 30.0);
        }
    }

    private void Draw(MixtureRenderer renderer, ViewFrame frame, PlotData data)
    {
        renderer.SurfaceCamera = orbit ?? OrbitCamera.Default.Turn(
            FitAnimation.DegreesPerFrame * frame.History.Count);
        renderer.PointsColorBy = ColorBy;
        renderer.Draw(kind == ViewKind.Histogram || data.Columns > 1 ? kind
            : ViewKind.Histogram, frame, data);
        stale = false;
        FramesDrawn++;
    }

    private ViewFrame? Latest()
    {
        lock (gate)
        {
            return latest;
        }
    }
}
