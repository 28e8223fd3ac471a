using System.CommandLine;
using System.Globalization;
using GmmGpu.Cli.Parsing;
using GmmGpu.Files;
using GmmGpu.ModelFiles;
using GmmGpu.Cli.Features;
using GmmGpu.UseCases;
using GmmGpu.Viewer;

namespace GmmGpu.Cli;

/// <summary><c>gmm demo</c>: generate, fit from a uniform start, compare with the truth.
/// </summary>
internal static class DemoCommand
{
    /// <summary><c>gmm demo</c>: its options.</summary>
    public static Command Create(CommandContext context)
    {
        Option<int> n = GmmOptions.Integer("--n", "N", "points", Demo.Components, 1_000_000, "-n");
        Option<int> seed = GmmOptions.Seed(3, "seed of the data");
        Option<string> folder = new("--out")
        {
            HelpName = "FOLDER",
            Description = "output folder (created)",
            DefaultValueFactory = _ => "out",
        };
        Option<Choice<ComputeDevice>> device = GmmOptions.Device();
        Option<bool> noPictures = GmmOptions.Flag("--no-pictures", "skip the GIF, MP4 and PNG");
        Option<bool> noWindow = GmmOptions.Flag(
            "--no-window", "no live window even when a display is present");
        Option<bool> closeWhenDone = GmmOptions.Flag(
            "--close-when-done", "close the live window when the fit ends");
        var command = new GmmCommand(
            "demo",
            "Generates 1,000,000 2-D points from 5 Gaussians with rotated, unequal covariances, "
            + "fits a 5-component mixture from the original project's start (uniform means, "
            + "identity covariances) with live progress, and compares the fitted components "
            + "with the true ones, live in a window when a display is present (Esc closes it). "
            + "Writes out/demo-model.json, out/demo-true.json and the fit drawn as a heat map, "
            + "one frame per iteration: out/demo.gif, out/demo.mp4 (when ffmpeg is installed) "
            + "and out/demo-final.png.")
        {
            n, seed, folder, device, noPictures, noWindow, closeWhenDone,
        };
        command.Examples.Add("gmm demo");
        command.Examples.Add("gmm demo --device cpu --n 100000 --no-window");
        command.SetAction(parse => Run(
            (parse.GetValue(n), parse.GetValue(seed), parse.GetValue(device).Value),
            parse.GetValue(folder)!,
            (!parse.GetValue(noPictures), !parse.GetValue(noWindow),
                parse.GetValue(closeWhenDone)),
            context.Style(parse),
            context));
        return command;
    }

    private static int Run(
        (int N, int Seed, ComputeDevice Device) run,
        string folder,
        (bool Pictures, bool Window, bool CloseWhenDone) show,
        OutputStyle style,
        CommandContext context)
    {
        (int n, int seed, ComputeDevice device) = run;
        (TextWriter stdout, TextWriter stderr, CancellationToken t) =
            (context.Stdout, context.Stderr, context.CancellationToken);
        if (File.Exists(folder))
        {
            throw new IOException(
                $"--out {folder}: it is a file, not a folder; give a folder for the demo's files");
        }

        Directory.CreateDirectory(folder);
        string model = Path.Combine(folder, "demo-model.json");
        string truth = Path.Combine(folder, "demo-true.json");
        (string, string?)[] outputs =
        [
            ("--out", model), ("--out", truth),
            .. DemoPictures.FileNames.Select(
                name => ("--out", (string?)Path.Combine(folder, name))),
        ];
        foreach ((_, string? output) in outputs)
        {
            CommandSupport.CheckOutput(output);
        }

        CommandSupport.CheckDistinct([], outputs);
        bool json = style.Json, quiet = !style.Progress;
        if (!quiet)
        {
            stderr.WriteLine(CommandSupport.Format(
                $"demo: {n} points from {Demo.Components} rotated Gaussians; ")
                + "fitting from uniform means");
        }

        var progress = new ProgressPrinter(stderr, quiet, 1);
        SyntheticDataSet set = Demo.Generate(n, seed);
        using DemoPictures? pictures = !show.Pictures
            ? null
            : DemoPictures.TryStart(folder, set.Data, stderr, quiet);
        IProgress<IterationSnapshot> reports =
            pictures is null ? progress : new ProgressFan(progress, pictures.Progress);
        DemoResult Fit(IProgress<IterationSnapshot> sink) => Demo.Fit(set, seed, device, sink, t);
        DemoResult result = HasDisplay && show.Window
            ? LiveFit.Run(
                Fit, reports, new PlotData(set.Data, 2), ViewKind.HeatMap, ColorBy.Density, Aspect.Auto,
                (1280, 720),
                show.CloseWhenDone, stderr, quiet, t)
            : Fit(reports);
        // Every output is written in full before any replaces its target.
        using OutputFile modelFile = OutputFile.Prepare(
            model, stream => ModelFile.Save(result.Model, stream));
        using OutputFile truthFile = OutputFile.Prepare(
            truth, stream => ModelFile.Save(result.TrueModel, stream));
        pictures?.Complete(stderr, quiet, t);
        modelFile.Commit();
        truthFile.Commit();
        double logLikelihood = result.Model.LowerBound;
        if (json)
        {
            CommandSupport.WriteJson(stdout, w =>
            {
                w.WriteString("device", CommandSupport.DeviceText(result.Device));
                w.WriteString("device_name", result.DeviceName);
                w.WriteNumber("n_samples", result.Samples);
                w.WriteNumber("n_iter", result.Model.Iterations);
                w.WriteBoolean("converged", result.Model.Converged);
                CommandSupport.Number(w, "lower_bound", logLikelihood);
                w.WriteNumber("seconds", result.Seconds);
                w.WriteNumber("seconds_per_iteration", result.SecondsPerIteration);
                w.WriteStartArray("matches");
                foreach (ComponentMatch match in result.Matches)
                {
                    w.WriteStartObject();
                    w.WriteNumber("true", match.True);
                    w.WriteNumber("fitted", match.Fitted);
                    CommandSupport.Number(w, "mean_distance", match.MeanDistance);
                    CommandSupport.Number(w, "weight_difference", match.WeightDifference);
                    w.WriteEndObject();
                }

                w.WriteEndArray();
                w.WriteString("model", model);
                w.WriteString("true_model", truth);
                w.WriteStartArray("pictures");
                foreach (string picture in pictures?.Paths ?? [])
                {
                    w.WriteStringValue(picture);
                }

                w.WriteEndArray();
            });
            return 0;
        }

        CultureInfo c = CultureInfo.InvariantCulture;
        stdout.WriteLine($"device            {CommandSupport.DeviceText(result.Device)} "
            + $"({result.DeviceName})");
        stdout.WriteLine(string.Create(c, $"points            {result.Samples}"));
        string converged = result.Model.Converged ? "(converged)" : "(not converged)";
        int iterations = result.Model.Iterations;
        stdout.WriteLine(string.Create(c, $"iterations        {iterations} {converged}"));
        stdout.WriteLine(string.Create(c, $"log-likelihood    {logLikelihood:F6} per point"));
        double ms = result.SecondsPerIteration * 1e3;
        double seconds = result.Seconds;
        stdout.WriteLine(
            string.Create(c, $"time              {seconds:F2} s, {ms:F1} ms per iteration"));
        stdout.WriteLine("true  fitted  mean distance  weight true  weight fitted");
        foreach (ComponentMatch match in result.Matches)
        {
            double trueWeight = result.TrueModel.Weights[match.True];
            double fittedWeight = trueWeight + match.WeightDifference;
            double distance = match.MeanDistance;
            stdout.WriteLine(string.Create(c,
                $"{match.True,4}  {match.Fitted,6}  {distance,13:F4}  {trueWeight,11:F4}  ")
                + string.Create(c, $"{fittedWeight,13:F4}"));
        }

        stdout.WriteLine($"models            {model}, {truth}");
        if (pictures is not null)
        {
            stdout.WriteLine($"pictures          {string.Join(", ", pictures.Paths)}");
        }

        return 0;
    }

    private static bool HasDisplay =>
        !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("DISPLAY"))
        || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("WAYLAND_DISPLAY"));
}
