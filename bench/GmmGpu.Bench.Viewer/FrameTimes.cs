using System.Diagnostics;
using GmmGpu.Backends;
using GmmGpu.Viewer;

namespace GmmGpu.Bench.Viewer;

/// <summary>
/// Milliseconds per frame of each view: the first frame (which bins the data once) and the median
/// of the next ten (each with a slightly moved model, as during a fit).
/// </summary>
internal static class FrameTimes
{
    private const int Frames = 10;

    public static void Run(int n, int width, int height)
    {
        float[] points = BenchData.Points(n);
        using var backend = ComputeBackends.Create(ComputeDevice.Cpu);
        using var renderer = new MixtureRenderer(width, height, backend);
        Console.WriteLine($"{n:N0} points, {width}x{height}, {renderer.Description}, "
            + $"{Environment.ProcessorCount} cores");
        var rgba = new byte[width * height * 4];
        foreach (ViewKind kind in Enum.GetValues<ViewKind>())
        {
            var data = new PlotData(points, 2);
            var clock = Stopwatch.StartNew();
            renderer.Render(kind, new ViewFrame(BenchData.Model(), []), data, rgba);
            double first = clock.Elapsed.TotalMilliseconds;
            var times = new double[Frames];
            for (int i = 0; i < Frames; i++)
            {
                var frame = new ViewFrame(BenchData.Model(0.01 * (i + 1)), []);
                clock.Restart();
                renderer.Render(kind, frame, data, rgba);
                times[i] = clock.Elapsed.TotalMilliseconds;
            }

            Array.Sort(times);
            Console.WriteLine($"{kind,-10} first {first,7:F1} ms, "
                + $"then median {times[Frames / 2],6:F1} ms "
                + $"(min {times[0]:F1}, max {times[^1]:F1})");
        }
    }
}
