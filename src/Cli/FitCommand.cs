using System.Diagnostics;
using GmmGpu.Data;

namespace GmmGpu.Cli;

/// <summary><c>gmm fit</c>: reads the data, fits, writes the model and reports.</summary>
internal static class FitCommand
{
    public static int Run(
        string[] args, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        if (FitArguments.Parse(args) is not { } arguments)
        {
            stdout.Write(FitArguments.Help);
            return 0;
        }

        GaussianMixtureOptions options = arguments.CreateOptions();
        if (arguments.OutputPath is { } output)
        {
            CheckFolderExists(output);
        }

        if (arguments.ExportPath is { } export)
        {
            ExportWriter.CheckPath(export);
        }

        if (arguments.Streams)
        {
            return StreamingFit.Run(arguments, options, stdout, stderr, cancellationToken);
        }

        LoadedData data = DataReader.Read(arguments.DataPath, arguments.Columns);
        ViewOptions.ParseDims("--view-dims", arguments.ViewDims, data.Features);
        bool quiet = arguments.Quiet || arguments.Json;
        var progress = new ProgressPrinter(stderr, quiet, options.NInit);
        var recorder = new SnapshotRecorder(progress);
        using var mixture = new GaussianMixture(options);
        var clock = Stopwatch.StartNew();
        IProgress<IterationSnapshot> sink = arguments.ExportPath is null ? progress : recorder;
        GaussianMixtureModel model = arguments.View
            ? LiveFit.Run(
                p => mixture.Fit(data.Values, data.Features, p, cancellationToken), sink,
                ViewOptions.PlotData(data, arguments.ViewDims),
                arguments.ViewKind ?? ViewOptions.DefaultKind(data.Features), arguments.FrameSize,
                arguments.CloseWhenDone, stderr, arguments.Quiet, cancellationToken)
            : mixture.Fit(data.Values, data.Features, sink, cancellationToken);
        double seconds = clock.Elapsed.TotalSeconds;
        double score = model.Score(data.Values, mixture.Backend);
        if (arguments.OutputPath is not null)
        {
            model.Save(arguments.OutputPath);
        }

        if (arguments.ExportPath is { } exportPath)
        {
            ExportWriter.Write(exportPath, arguments.ViewKind, arguments.ViewDims,
                arguments.FrameSize, data,
                recorder.Snapshots, mixture.Backend, stderr, quiet, cancellationToken);
        }

        var report = new FitReport(
            mixture.Backends, (data.Rows, data.Features), model, score, seconds, progress.TotalIterations, progress.IterationTime,
            arguments.OutputPath);
        if (arguments.Json)
        {
            report.WriteJson(stdout);
        }
        else
        {
            report.WriteText(stdout);
        }

        WarnIfNotConverged(model, options, arguments, stderr);
        return 0;
    }

    public static void WarnIfNotConverged(
        GaussianMixtureModel model, GaussianMixtureOptions options, FitArguments arguments, TextWriter stderr)
    {
        if (!model.Converged && !arguments.Quiet)
        {
            stderr.WriteLine(
                $"gmm: warning: EM did not converge in {model.Iterations} iteration(s) "
                + $"(tol {options.Tolerance:G3}); raise --max-iter or --tol.");
        }
    }

    private static void CheckFolderExists(string path)
    {
        string folder = Path.GetDirectoryName(Path.GetFullPath(path)) ?? ".";
        if (!Directory.Exists(folder))
        {
            throw new DirectoryNotFoundException(
                $"cannot write {path}: the folder {folder} does not exist.");
        }
    }
}
