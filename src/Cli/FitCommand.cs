using System.Diagnostics;
using System.Globalization;
using GmmGpu.Data;
using GmmGpu.Files;
using GmmGpu.ModelFiles;
using GmmGpu.Viewer;
using GmmGpu.Viewer.Export;

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

        CommandSupport.CheckOutput(arguments.OutputPath);
        if (arguments.ExportPath is { } exportPath)
        {
            ExportWriter.CheckPath(exportPath);
        }

        CommandSupport.CheckDistinct(
            [arguments.DataPath, arguments.InitModelPath],
            ("-o", arguments.OutputPath), ("--export", arguments.ExportPath));
        GaussianMixtureOptions options = arguments.CreateOptions();
        if (arguments.Streams)
        {
            return StreamingFit.Run(arguments, options, stdout, stderr, cancellationToken);
        }

        LoadedData data = DataReader.Read(arguments.DataPath, arguments.Columns);
        ViewOptions.CheckDims("--view-dims", arguments.ViewDims, data.Features);
        bool quiet = arguments.Quiet || arguments.Json;
        var progress = new ProgressPrinter(stderr, quiet, options.NInit);
        using ExportWriter? export = StartExport(arguments, data);
        using var mixture = new GaussianMixture(options);
        var clock = Stopwatch.StartNew();
        IProgress<IterationSnapshot> sink =
            export is null ? progress : new ProgressFan(progress, export.Progress);
        GaussianMixtureModel model = arguments.View
            ? LiveFit.Run(
                p => mixture.Fit(data.Values, data.Features, p, cancellationToken), sink,
                ViewOptions.PlotData("--view-dims", data, arguments.ViewDims),
                ExportKind(arguments, data), arguments.ColorBy, arguments.FrameSize,
                arguments.CloseWhenDone, stderr, arguments.Quiet, cancellationToken)
            : mixture.Fit(data.Values, data.Features, sink, cancellationToken);
        double seconds = clock.Elapsed.TotalSeconds;
        double score = model.Score(data.Values, mixture.Backend);
        // The model is written in full before the export replaces its target, and moved in
        // place after it: a failure of either leaves neither.
        using OutputFile? modelFile = arguments.OutputPath is { } output
            ? OutputFile.Prepare(output, stream => ModelFile.Save(model, stream))
            : null;
        if (export is not null)
        {
            int frames = export.Complete(cancellationToken);
            if (!quiet)
            {
                stderr.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"gmm: wrote {frames} frame(s) of the {ExportKind(arguments, data)} view to "
                    + $"{arguments.ExportPath} in {clock.Elapsed.TotalSeconds:F1} s"));
            }
        }

        modelFile?.Commit();

        var report = new FitReport(
            mixture.Backends, (data.Rows, data.Features), model, score, seconds,
            progress.TotalIterations, progress.IterationTime,
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

    /// <summary>The --export drawing, started before the fit; null without --export.</summary>
    private static ExportWriter? StartExport(FitArguments arguments, LoadedData data)
    {
        if (arguments.ExportPath is not { } path)
        {
            return null;
        }

        (int width, int height) = arguments.FrameSize;
        return new ExportWriter(FrameSink.Create(path, width, height),
            ExportKind(arguments, data),
            ViewOptions.PlotData("--view-dims", data, arguments.ViewDims),
            arguments.ColorBy);
    }

    private static ViewKind ExportKind(FitArguments arguments, LoadedData data) =>
        arguments.ViewKind ?? ViewOptions.DefaultKind(data.Features);
}
