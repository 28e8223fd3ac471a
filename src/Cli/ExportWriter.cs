using System.Diagnostics;
using System.Globalization;
using GmmGpu.Data;
using GmmGpu.Engine;
using GmmGpu.Viewer;
using GmmGpu.Viewer.Export;

namespace GmmGpu.Cli;

/// <summary>
/// Renders the snapshots of <c>gmm fit --export</c> into a GIF, MP4 or PNG folder.
/// </summary>
internal static class ExportWriter
{
    /// <summary>Fails early (before the fit) when the export path cannot be written.</summary>
    public static void CheckPath(string path)
    {
        string full = Path.GetFullPath(path);
        string folder = Path.GetDirectoryName(full.TrimEnd('/')) ?? ".";
        if (!Directory.Exists(folder))
        {
            throw new DirectoryNotFoundException(
                $"cannot write {path}: the folder {folder} does not exist.");
        }
    }

    public static void Write(
        string path, ViewKind? kind, string? dims, (int Width, int Height) size, LoadedData data,
        IReadOnlyList<IterationSnapshot> snapshots, IComputeBackend backend, TextWriter stderr,
        bool quiet, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var plotData = ViewOptions.PlotData(data, dims);
        ViewKind view = kind ?? ViewOptions.DefaultKind(data.Features);
        IReadOnlyList<ViewFrame> frames = ViewFrame.FromSnapshots(snapshots);
        using var renderer = new MixtureRenderer(size.Width, size.Height, backend);
        using FrameSink sink = FrameSink.Create(path, size.Width, size.Height);
        int written = FitAnimation.Write(renderer, view, frames, plotData, sink, cancellationToken);
        if (!quiet)
        {
            stderr.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"gmm: wrote {written} frame(s) of the {view} view to {path} in "
                + $"{clock.Elapsed.TotalSeconds:F1} s"));
        }
    }
}
