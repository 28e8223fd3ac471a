using System.Diagnostics;
using GmmGpu.Engine;
using GmmGpu.Viewer.Export;
using GmmGpu.Viewer.Gl;

namespace GmmGpu.Viewer.Live;

/// <summary>
/// The live window of a fit. EM reports snapshots from its own thread (<see cref="Report"/> never
/// waits on drawing); <see cref="Run"/> draws the latest on the window's thread. Keys: 1–5 pick
/// the view, 6 the dashboard (several at once), Tab the next one, C switches the points view
/// between density and component colours, Space pauses the picture, Esc closes the window. The
/// mouse: in the surface view (and the dashboard's) a left-button drag orbits the camera and the
/// wheel moves it closer; in the points view the wheel zooms about the mouse (a sample drawn
/// point by point). R resets the camera and the zoom.
/// </summary>
public sealed partial class LiveView : IProgress<IterationSnapshot>
{
    private static readonly ViewKind[] Order =
    [
        ViewKind.HeatMap, ViewKind.Points, ViewKind.Histogram, ViewKind.Surface, ViewKind.Curves,
        ViewKind.Dashboard,
    ];

    /// <summary>
    /// New snapshots are drawn at most every 250 ms, and drawing takes at most a twentieth of
    /// the window thread's time (a frame of t waits 19·t): each frame costs tens of milliseconds
    /// on a software renderer that rasterises on a thread per core, so on two cores a frame's
    /// CPU can be twice its time, which EM would otherwise lose. Input is drawn at once.
    /// </summary>
    private static readonly TimeSpan MinimumFrameInterval = TimeSpan.FromMilliseconds(250);

    private const double DrawingShare = 0.05;

    private readonly object gate = new();
    private readonly FitHistory history = new();
    private ViewFrame? latest;
    private int version;

    // The rest belongs to the window's thread. Stale: the view, colours or camera changed.
    private ViewKind kind;
    private bool paused;
    private bool stale = true;

    // The camera the user orbited to; null while the surface turns by itself, a little each
    // iteration, as in the exported animations.
    private OrbitCamera? orbit;

    /// <summary>How the points view colours the data; C in the window switches it.</summary>
    public ColorBy ColorBy { get; set; }

    /// <summary>How the 2-D views scale their two features.</summary>
    public Aspect Aspect { get; set; }

    /// <summary>Frames drawn so far by <see cref="Run"/>.</summary>
    public int FramesDrawn { get; private set; }

    /// <summary>Takes EM's snapshot of an iteration, on EM's thread; never waits on drawing
    /// (the window draws the latest when it is ready).</summary>
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
    /// <param name="ready">Called once the window is ready to draw (its first frame's costs,
    /// bounds, bins and shaders, already paid): start EM there, so that it does not share the
    /// CPU with them.</param>
    public void Run(
        GlfwWindowContext window, IComputeBackend backend, PlotData data, ViewKind kind,
        MixtureParameters? start, Func<bool> fitDone, CancellationToken stop = default,
        Action? ready = null)
    {
        ArgumentNullException.ThrowIfNull(window);
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(fitDone);
        (int width, int height) = window.FramebufferSize;
        using var renderer = new MixtureRenderer(Math.Max(width, 1), Math.Max(height, 1),
            backend, window);
        renderer.WarmUp(Drawable(kind, data), data);
        ready?.Invoke();
        var input = new WindowInput(window);
        this.kind = kind;
        int drawn = -1;
        ViewFrame? frame = start is null ? null : new ViewFrame(start, []);
        var clock = Stopwatch.StartNew();
        var pacer = new FramePacer(MinimumFrameInterval, DrawingShare);
        string? title = null;
        (int, int) shownSize = default;
        while (!window.ShouldClose && !stop.IsCancellationRequested)
        {
            if (!HandleKeys(input, renderer))
            {
                window.Close();
                break;
            }

            HandleMouse(input, renderer, data);
            int current = Volatile.Read(ref version);
            bool done = fitDone();
            if (!paused && current != drawn && (pacer.IsDue(clock.Elapsed) || done))
            {
                frame = Latest() ?? frame;
                drawn = current;
                stale = true;
            }

            // Only a new picture or a damaged window is put on screen: copying the frame and
            // swapping costs milliseconds of CPU on a software renderer.
            bool show = window.TakeDamage() | window.FramebufferSize != shownSize;
            if (frame is not null && stale)
            {
                TimeSpan begun = clock.Elapsed;
                Draw(renderer, frame, data);
                shownSize = Show(window, renderer);
                pacer.Drawn(begun, clock.Elapsed);
            }
            else if (show)
            {
                shownSize = Show(window, renderer);
            }

            title = ShowTitle(window, title, frame, done);
            GlfwWindowContext.WaitEvents(1 / 30.0);
        }
    }

    /// <summary>Names the frame shown and the fit's state in the title bar when they change;
    /// returns the title.</summary>
    private string ShowTitle(GlfwWindowContext window, string? shown, ViewFrame? frame, bool done)
    {
        string title = $"gmm: {frame?.Title ?? "waiting for the first iteration"}"
            + (paused ? "  (paused)" : "") + (done ? "  (done)" : "");
        if (title != shown)
        {
            window.SetTitle(title);
        }

        return title;
    }

    /// <summary>Copies the drawn frame onto the window; returns the window's size.</summary>
    private static (int, int) Show(GlfwWindowContext window, MixtureRenderer renderer)
    {
        (int width, int height) = window.FramebufferSize;
        renderer.Blit(width, height);
        window.SwapBuffers();
        return (width, height);
    }

    private void Draw(MixtureRenderer renderer, ViewFrame frame, PlotData data)
    {
        renderer.Settings.SurfaceCamera = orbit ?? OrbitCamera.Default.Turn(
            FitAnimation.DegreesPerFrame * frame.History.Count);
        renderer.Settings.PointsColorBy = ColorBy;
        renderer.Settings.Aspect = Aspect;
        renderer.Draw(Drawable(kind, data), frame, data);
        stale = false;
        FramesDrawn++;
    }

    /// <summary>The view drawn for <paramref name="kind"/>: 1-D data has the histogram, or
    /// the dashboard of histogram and curves.</summary>
    private static ViewKind Drawable(ViewKind kind, PlotData data) =>
        data.Columns > 1 || kind == ViewKind.Dashboard ? kind : ViewKind.Histogram;

    private ViewFrame? Latest()
    {
        lock (gate)
        {
            return latest;
        }
    }
}
