using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using GmmGpu.Cli.Parsing;
using GmmGpu.Data;
using GmmGpu.Files;
using GmmGpu.ModelFiles;
using GmmGpu.Viewer;
using GmmGpu.Viewer.Export;

namespace GmmGpu.Cli;

/// <summary><c>gmm fit</c>: reads the data, fits, writes the model and reports.</summary>
internal static class FitCommand
{
    /// <summary><c>gmm fit</c>: its arguments and options (<see cref="FitCommandLine"/>).
    /// </summary>
    public static Command Create(CommandContext context) => FitCommandLine.Create(
        context,
        arguments => Run(arguments, context.Stdout, context.Stderr, context.CancellationToken));

    private static int Run(
        FitArguments arguments,
        TextWriter stdout,
        TextWriter stderr,
        CancellationToken cancellationToken)
    {
        CommandSupport.CheckOutput(arguments.OutputPath);
        if (arguments.ExportPath is { } exportPath)
        {
            ExportWriter.CheckPath(exportPath);
        }

        CommandSupport.CheckDistinct(
            [arguments.DataPath, arguments.InitModelPath],
            ("-o", arguments.OutputPath), ("--export", arguments.ExportPath));
        GaussianMixtureOptions options = arguments.CreateOptions();
        if ((arguments.View || arguments.ExportPath is not null)
            && ViewOptions.TooManyComponents(options.Components) is { } tooMany)
        {
            throw new UsageException($"-k {options.Components} with a drawing: {tooMany}");
        }
        if (arguments.Streams || (!arguments.View && arguments.ExportPath is null))
        {
            // Without a drawing nothing needs the data in memory as float32: the fit reads the
            // file through a row source (mapped in place when it can be, values taken in
            // float64 and shifted before they are rounded when they must be).
            return StreamingFit.Run(arguments, options, stdout, stderr, cancellationToken);
        }

        // The drawing's copy; the fit reads the file itself, in float64 where it holds more.
        LoadedData data = DataReader.ReadCentred(arguments.DataPath, arguments.Columns);
        using IRowSource rows = RowSources.Open(arguments.DataPath, arguments.Columns);
        ViewOptions.CheckDims("--view-dims", arguments.ViewDims, data.Features);
        bool quiet = arguments.Quiet || arguments.Json;
        var progress = new ProgressPrinter(stderr, quiet, options.NInit);
        using ExportWriter? export = StartExport(arguments, data);
        using var mixture = new GaussianMixture(options);
        var clock = Stopwatch.StartNew();
        IProgress<IterationSnapshot> sink =
            export is null ? progress : new ProgressFan(progress, export.Progress);
        // The same fit as the streamed path: the fit's last pass scores the data as well.
        (GaussianMixtureModel Model, TimeSpan FitTime, double Score, long Rows) fit = default;
        GaussianMixtureModel FitAndScore(IProgress<IterationSnapshot> p)
        {
            fit = mixture.FitAndScore(rows, p, cancellationToken);
            return fit.Model;
        }

        GaussianMixtureModel model = arguments.View
            ? LiveFit.Run(
                FitAndScore, sink,
                ViewOptions.PlotData("--view-dims", data, arguments.ViewDims),
                ExportKind(arguments, data), arguments.ColorBy, arguments.Aspect,
                arguments.FrameSize,
                arguments.CloseWhenDone, stderr, arguments.Quiet, cancellationToken)
            : FitAndScore(sink);
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
                string view = ViewOptions.KindName(ExportKind(arguments, data));
                stderr.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"gmm: wrote {frames} frame(s) of the {view} view to "
                    + $"{arguments.ExportPath} in {clock.Elapsed.TotalSeconds:F1} s"));
            }
        }

        modelFile?.Commit();

        var report = new FitReport(
            mixture.Backends, (fit.Rows, data.Features), model, fit.Score,
            fit.FitTime.TotalSeconds, progress.TotalIterations, progress.IterationTime,
            arguments.OutputPath);
        return Report(report, model, options, arguments, stdout, stderr);
    }

    /// <summary>
    /// The report on stdout (JSON with --json) and the fit's warnings on stderr; returns 0.
    /// </summary>
    public static int Report(
        FitReport report,
        GaussianMixtureModel model,
        GaussianMixtureOptions options,
        FitArguments arguments,
        TextWriter stdout,
        TextWriter stderr)
    {
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

    /// <summary>The fit's warnings, one line each on stderr (none with --quiet).</summary>
    private static void WarnIfNotConverged(
        GaussianMixtureModel model, GaussianMixtureOptions options, FitArguments arguments,
        TextWriter stderr)
    {
        foreach (string warning in arguments.Quiet ? [] : model.Warnings)
        {
            stderr.WriteLine($"gmm: warning: {warning}");
        }

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
            arguments.ColorBy, arguments.Aspect);
    }

    private static ViewKind ExportKind(FitArguments arguments, LoadedData data) =>
        arguments.ViewKind ?? ViewOptions.DefaultKind(data.Features);
}
