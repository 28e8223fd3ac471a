using System.Diagnostics;
using System.Globalization;
using GmmGpu.Backends;
using GmmGpu.Engine;
using GmmGpu.UseCases;
using GmmGpu.Viewer;
using GmmGpu.Viewer.Export;

namespace GmmGpu.Cli;

/// <summary>
/// The demo's pictures: every EM iteration drawn once as a heat map and written to a GIF, an
/// MP4 (when ffmpeg is on the PATH) and a PNG of the final frame.
/// </summary>
internal static class DemoPictures
{
    private const int Width = 1280, Height = 720;

    public static IReadOnlyList<string> Write(
        string folder, DemoResult result, IReadOnlyList<IterationSnapshot> snapshots,
        TextWriter stderr, bool quiet, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var paths = new List<string> { Path.Combine(folder, "demo.gif") };
        if (OnPath("ffmpeg"))
        {
            paths.Add(Path.Combine(folder, "demo.mp4"));
        }
        else if (!quiet)
        {
            stderr.WriteLine("demo: no ffmpeg on the PATH, so no MP4 (apt-get install -y ffmpeg).");
        }

        paths.Add(Path.Combine(folder, "demo-final.png"));
        using IComputeBackend backend = ComputeBackends.Create(ComputeDevice.Cpu);
        using var renderer = new MixtureRenderer(Width, Height, backend);
        using var sink = new FanOutSink(paths.Select(p => FrameSink.Create(p, Width, Height)).ToList());
        FitAnimation.Write(
            renderer, ViewKind.HeatMap, ViewFrame.FromSnapshots(snapshots),
            new PlotData(result.Data, 2, 0, 1), sink, cancellationToken);
        if (!quiet)
        {
            stderr.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"demo: drew {snapshots.Count} iterations in {clock.Elapsed.TotalSeconds:F1} s"));
        }

        return paths;
    }

    private static bool OnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Any(folder => File.Exists(Path.Combine(folder, program)));
}
