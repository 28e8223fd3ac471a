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

    /// <summary>The names of the files drawn: the GIF, the MP4, the final PNG.</summary>
    public static readonly string[] FileNames = ["demo.gif", "demo.mp4", "demo-final.png"];

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
        bool mp4 = OnPath("ffmpeg");
        if (!mp4 && !quiet)
        {
            stderr.WriteLine("demo: no ffmpeg on the PATH, so no MP4 (apt-get install -y ffmpeg).");
        }

        string[] paths = [.. FileNames
            .Where(name => mp4 || !name.EndsWith(".mp4", StringComparison.Ordinal))
            .Select(name => Path.Combine(folder, name))];
        var sinks = new List<FrameSink>();
        try
        {
            foreach (string path in paths)
            {
                sinks.Add(FrameSink.Create(path, Width, Height));
            }
        }
        catch
        {
            // The sinks made so far delete their temporary files.
            sinks.ForEach(sink => sink.Dispose());
            throw;
        }

        try
        {
            return new DemoPictures(
                new ExportWriter(new FanOutSink(sinks), ViewKind.HeatMap,
                    new PlotData(data, 2, 0, 1)),
                paths);
        }
        catch (GlUnavailableException e)
        {
            stderr.WriteLine($"demo: no pictures: {e.Message}");
            return null;
        }
    }

    /// <summary>Waits for the last frames and writes the files.</summary>
    public void Complete(TextWriter stderr, bool quiet, CancellationToken cancellationToken)
    {
        int frames = writer.Complete(cancellationToken);
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
