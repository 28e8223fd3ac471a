using System.Diagnostics;
using System.Globalization;
using GmmGpu.Viewer;
using GmmGpu.Viewer.Export;
using GmmGpu.Viewer.Gl;

namespace GmmGpu.Cli;

/// <summary>
/// The demo's pictures: every EM iteration drawn once as a heat map while the fit runs, into a
/// GIF, an MP4 (when ffmpeg is on the PATH) and a PNG of the final frame.
/// </summary>
internal sealed class DemoPictures : IDisposable
{
    private const int Width = 1280, Height = 720;

    private readonly ExportWriter writer;
    private readonly Stopwatch clock = Stopwatch.StartNew();

    private DemoPictures(ExportWriter writer, IReadOnlyList<string> paths)
    {
        this.writer = writer;
        Paths = paths;
    }

    /// <summary>The files written.</summary>
    public IReadOnlyList<string> Paths { get; }

    /// <summary>Where the fit reports its snapshots.</summary>
    public IProgress<IterationSnapshot> Progress => writer.Progress;

    /// <summary>
    /// Starts drawing into <paramref name="folder"/>; null, with a line on stderr saying what
    /// would draw them, when no OpenGL is available (the fit and its summary stand without).
    /// </summary>
    public static DemoPictures? TryStart(
        string folder, ReadOnlyMemory<float> data, TextWriter stderr, bool quiet)
    {
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
        try
        {
            var sink = new FanOutSink([.. paths.Select(p => FrameSink.Create(p, Width, Height))]);
            return new DemoPictures(
                new ExportWriter(sink, ViewKind.HeatMap, new PlotData(data, 2, 0, 1)), paths);
        }
        catch (GlUnavailableException e)
        {
            stderr.WriteLine($"demo: no pictures: {e.Message}");
            return null;
        }
    }

    /// <summary>Waits for the last frames and writes the files.</summary>
    public void Complete(TextWriter stderr, bool quiet)
    {
        int frames = writer.Complete();
        if (!quiet)
        {
            stderr.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"demo: drew {frames} frames ({clock.Elapsed.TotalSeconds:F1} s, beside the fit)"));
        }
    }

    public void Dispose() => writer.Dispose();

    private static bool OnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Any(folder => File.Exists(Path.Combine(folder, program)));
}
