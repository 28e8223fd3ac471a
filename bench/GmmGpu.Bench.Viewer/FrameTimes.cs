using System.Diagnostics;
using GmmGpu.Backends;
using GmmGpu.Viewer;
using GmmGpu.Viewer.Views;

namespace GmmGpu.Bench.Viewer;

/// <summary>
/// Milliseconds per frame of each view: the first frame of a new data set (which finds its
/// bounds and bins it once) and the median of the next ten (each with a slightly moved model and
/// one more iteration of history, as during a fit: the dashboard has its curves panel).
/// </summary>
internal static class FrameTimes
{
    private const int Frames = 10;

    /// <summary>The one-off costs of a new data set: its bounds, then its binning.</summary>
    private static void TimeBinning(float[] points, PlotLayout layout)
    {
        for (int run = 0; run < 3; run++)
        {
            var data = new PlotData(points, 2);
            var clock = Stopwatch.StartNew();
            data.Range(0);
            double ranges = clock.Elapsed.TotalMilliseconds;
            clock.Restart();
            data.Histogram2D((int)layout.Plot.Width, (int)layout.Plot.Height);
            double bin2D = clock.Elapsed.TotalMilliseconds;
            clock.Restart();
            data.Histogram1D(0, HistogramView.Bins, -10, 10);
            double bin1D = clock.Elapsed.TotalMilliseconds;
            Console.WriteLine($"new data: bounds {ranges:F1} ms, 2-D binning {bin2D:F1} ms, "
                + $"1-D binning {bin1D:F1} ms");
        }
    }

    /// <summary>The history of a fit at iteration 20 + <paramref name="more"/>.</summary>
    private static IterationRecord[] History(int more) => BenchData.History(20 + more);

    /// <param name="only">Names (or parts of names, any case) of the views to time, e.g.
    /// "dashboard,zoomed"; empty: every view.</param>
    public static void Run(int n, int width, int height, IReadOnlyList<string> only)
    {
        float[] points = BenchData.Points(n);
        using var backend = ComputeBackends.Create(ComputeDevice.Cpu);
        using var renderer = new MixtureRenderer(width, height, backend);
        Console.WriteLine($"{n:N0} points, {width}x{height}, {renderer.Description}, "
            + $"{Environment.ProcessorCount} cores");
        var rgba = new byte[width * height * 4];
        TimeBinning(points, renderer.Layout(new PlotData(points, 2)));
        // Zoomed: a quarter of the data's width about the first component, drawn as a sample.
        var zoom = new DataWindow(-2, 2, -1.5, 1.5);
        (ViewKind Kind, ColorBy ColorBy, DataWindow? Window)[] views =
        [
            .. Enum.GetValues<ViewKind>().Select(k => (k, ColorBy.Density, (DataWindow?)null)),
            (ViewKind.Points, ColorBy.Component, null),
            (ViewKind.Points, ColorBy.Component, zoom),
        ];
        // Code paths compiled once per process are not a cost of a new data set.
        var small = new PlotData(points.AsMemory(0, 2000), 2);
        foreach ((ViewKind kind, ColorBy colorBy, DataWindow? window) in views)
        {
            (renderer.Settings.PointsColorBy, renderer.Settings.PointsWindow) = (colorBy, window);
            renderer.Render(kind, new ViewFrame(BenchData.Model(), History(0)), small, rgba);
        }

        foreach ((ViewKind kind, ColorBy colorBy, DataWindow? window) in views)
        {
            string name = window is not null ? "Points zoomed, sample"
                : colorBy == ColorBy.Component ? "Points by component" : kind.ToString();
            if (only.Count > 0
                && !only.Any(o => name.Contains(o, StringComparison.OrdinalIgnoreCase)))
            {
                continue;
            }

            (renderer.Settings.PointsColorBy, renderer.Settings.PointsWindow) = (colorBy, window);
            var data = new PlotData(points, 2);
            var clock = Stopwatch.StartNew();
            renderer.Render(kind, new ViewFrame(BenchData.Model(), History(0)), data, rgba);
            double first = clock.Elapsed.TotalMilliseconds;
            var times = new double[Frames];
            for (int i = 0; i < Frames; i++)
            {
                var frame = new ViewFrame(BenchData.Model(0.01 * (i + 1)), History(i + 1));
                clock.Restart();
                renderer.Render(kind, frame, data, rgba);
                times[i] = clock.Elapsed.TotalMilliseconds;
            }

            Array.Sort(times);
            Console.WriteLine($"{name,-22} first {first,7:F1} ms, "
                + $"then median {times[Frames / 2],6:F1} ms "
                + $"(min {times[0]:F1}, max {times[^1]:F1})");
        }
    }
}
