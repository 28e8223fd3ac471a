using GmmGpu.Engine;
using GmmGpu.Viewer.Gl;

namespace GmmGpu.Viewer.Live;

/// <summary>
/// The live window of a fit. EM reports snapshots from its own thread (<see cref="Report"/> never
/// waits on drawing); <see cref="Run"/> draws the latest on the window's thread. Keys: 1–5 pick
/// the view, Tab the next one, C switches the points view between density and component colours,
/// the wheel zooms the points view about the mouse (a sample drawn point by point), R resets the
/// zoom, Space pauses the picture, Esc closes the window.
/// </summary>
public sealed class LiveView : IProgress<IterationSnapshot>
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

    /// <summary>How the points view colours the data; C in the window switches it.</summary>
    public ColorBy ColorBy { get; set; }

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
        ArgumentNullException.ThrowIfNull(fitDone);
        (int width, int height) = window.FramebufferSize;
        using var renderer = new MixtureRenderer(Math.Max(width, 1), Math.Max(height, 1),
            backend, window);
        var keys = new bool[512];
        bool paused = false;
        int drawn = -1;
        ViewKind? drawnKind = null;
        ViewFrame? frame = start is null ? null : new ViewFrame(start, []);
        var sinceDraw = System.Diagnostics.Stopwatch.StartNew();
        while (!window.ShouldClose && !stop.IsCancellationRequested)
        {
            if (Pressed(window, keys, Glfw.KeyEscape))
            {
                window.Close();
                break;
            }

            paused ^= Pressed(window, keys, Glfw.KeySpace);
            for (int i = 0; i < Order.Length; i++)
            {
                kind = Pressed(window, keys, Glfw.Key1 + i) ? Order[i] : kind;
            }

            if (Pressed(window, keys, Glfw.KeyTab))
            {
                kind = Order[(Array.IndexOf(Order, kind) + 1) % Order.Length];
            }

            if (Pressed(window, keys, Glfw.KeyC))
            {
                ColorBy = ColorBy == ColorBy.Density ? ColorBy.Component : ColorBy.Density;
                drawnKind = null;
            }

            double steps = window.TakeScroll();
            if (steps != 0 && kind == ViewKind.Points && data.Columns > 1)
            {
                Zoom(window, renderer, data, steps);
                drawnKind = null;
            }

            if (Pressed(window, keys, Glfw.KeyR))
            {
                renderer.PointsWindow = null;
                drawnKind = null;
            }

            int current = Volatile.Read(ref version);
            if (!paused && current != drawn
                && (sinceDraw.Elapsed >= MinimumFrameInterval || fitDone()))
            {
                frame = Latest() ?? frame;
                drawn = current;
                drawnKind = null;
            }

            if (frame is not null && drawnKind != kind)
            {
                renderer.SurfaceAzimuth = -60 + (2 * frame.History.Count);
                renderer.PointsColorBy = ColorBy;
                renderer.Draw(kind == ViewKind.Histogram || data.Columns > 1 ? kind
                    : ViewKind.Histogram, frame, data);
                drawnKind = kind;
                FramesDrawn++;
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

    /// <summary>Frames drawn so far by <see cref="Run"/>.</summary>
    public int FramesDrawn { get; private set; }

    private ViewFrame? Latest()
    {
        lock (gate)
        {
            return latest;
        }
    }

    /// <summary>
    /// Zooms the points view by 1.25 per wheel step about the data point under the mouse;
    /// back out to the whole data, it shows the whole data as counts again.
    /// </summary>
    private static void Zoom(
        GlfwWindowContext window, MixtureRenderer renderer, PlotData data, double steps)
    {
        PlotLayout layout = renderer.PointsLayout(data);
        (double cx, double cy) = window.CursorPosition;
        (int width, int height) = window.FramebufferSize;
        var pixel = new System.Numerics.Vector2((float)(cx * renderer.Width / Math.Max(width, 1)),
            (float)(cy * renderer.Height / Math.Max(height, 1)));
        (double x, double y) = layout.ToData(pixel);
        var current = new DataWindow(layout.XMin, layout.XMax, layout.YMin, layout.YMax);
        DataWindow next = current.Zoom(Math.Pow(1.25, steps), x, y);
        PlotLayout whole = renderer.Layout(data);
        renderer.PointsWindow = next.XMax - next.XMin >= whole.XMax - whole.XMin ? null : next;
    }

    private static bool Pressed(GlfwWindowContext window, bool[] keys, int key)
    {
        bool down = window.IsKeyDown(key);
        bool pressed = down && !keys[key];
        keys[key] = down;
        return pressed;
    }
}
