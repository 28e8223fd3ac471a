using System.Diagnostics;
using GmmGpu.Backends;
using GmmGpu.Viewer;
using GmmGpu.Viewer.Export;

namespace GmmGpu.Bench.Viewer;

/// <summary>
/// Peak resident memory of writing an animated GIF of distinct heat-map frames, against the
/// resident memory once the renderer and data are ready.
/// </summary>
internal static class GifMemory
{
    public static void Run(int frames, int width, int height)
    {
        float[] points = BenchData.Points(100_000);
        var data = new PlotData(points, 2);
        using var backend = ComputeBackends.Create(ComputeDevice.Cpu);
        using var renderer = new MixtureRenderer(width, height, backend);
        var rgba = new byte[width * height * 4];
        renderer.Render(ViewKind.HeatMap, new ViewFrame(BenchData.Model(), []), data, rgba);
        GC.Collect();
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        long ready = process.WorkingSet64;
        string path =
            Path.Combine(Path.GetTempPath(), $"gmm-gif-bench-{Environment.ProcessId}.gif");
        var clock = Stopwatch.StartNew();
        using (FrameSink sink = FrameSink.Create(path, width, height))
        {
            for (int i = 0; i < frames; i++)
            {
                renderer.Render(ViewKind.HeatMap, new ViewFrame(BenchData.Model(0.05 * i), []),
                    data, rgba);
                sink.Add(rgba);
            }

            sink.Complete();
        }

        process.Refresh();
        long peak = process.PeakWorkingSet64;
        long size = new FileInfo(path).Length;
        File.Delete(path);
        const double mb = 1 << 20;
        Console.WriteLine($"GIF {frames} frames {width}x{height}: {clock.Elapsed.TotalSeconds:F1} s, "
            + $"{size / mb:F1} MB; resident when ready {ready / mb:F0} MB, peak {peak / mb:F0} MB "
            + $"(+{(peak - ready) / mb:F0} MB)");
    }
}
