using System.Globalization;
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
    public const string Help = """
        usage: gmm demo [options]

        Generates 1,000,000 2-D points from 5 Gaussians with rotated, unequal covariances, fits
        a 5-component mixture from the original project's start (uniform means, identity
        covariances) with live progress, and compares the fitted components with the true
        ones, live in a window when a display is present (Esc closes it). Writes
        out/demo-model.json, out/demo-true.json and the fit drawn as a heat map,
        one frame per iteration: out/demo.gif, out/demo.mp4 (when ffmpeg is installed) and
        out/demo-final.png.

        options:
          --n N               points (default 1000000)
          --seed S            seed of the data (default 3)
          --out FOLDER        output folder (default out; created)
          --device DEVICE     auto | cuda | opencl | ilgpu-cpu | cpu (default auto)
          --no-pictures       skip the GIF, MP4 and PNG
          --no-window         no live window even when a display is present
          --close-when-done   close the live window when the fit ends
          --json              one JSON object on stdout
          --quiet             no progress lines on stderr
          -h, --help          this text

        example:
          gmm demo --device cpu
        """;

    private static readonly Dictionary<string, string> Values =
        CommandSupport.Table("--n|-n", "--seed", "--out", "--device");

    public static int Run(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken t)
    {
        if (CommandSupport.Parse(args, Values, CommandSupport.Flags("--no-pictures", "--no-window", "--close-when-done"), Help, stdout)
            is not { } line)
        {
            return 0;
        }

        CommandSupport.ExpectPositional(line, "demo");
        int n = line.GetInt("--n", Demo.Components) ?? 1_000_000;
        string folder = line.Get("--out") ?? "out";
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
        bool json = line.Has("--json"), quiet = json || line.Has("--quiet");
        if (!quiet)
        {
            stderr.WriteLine(CommandSupport.Format(
                $"demo: {n} points from {Demo.Components} rotated Gaussians; ")
                + "fitting from uniform means");
        }

        var progress = new ProgressPrinter(stderr, quiet, 1);
        int seed = line.GetInt("--seed", int.MinValue) ?? 3;
        ComputeDevice device = CommandSupport.Device(line);
        SyntheticDataSet set = Demo.Generate(n, seed);
        using DemoPictures? pictures = line.Has("--no-pictures")
            ? null
            : DemoPictures.TryStart(folder, set.Data, stderr, quiet);
        IProgress<IterationSnapshot> reports =
            pictures is null ? progress : new ProgressFan(progress, pictures.Progress);
        DemoResult Fit(IProgress<IterationSnapshot> sink) => Demo.Fit(set, seed, device, sink, t);
        DemoResult result = HasDisplay && !line.Has("--no-window")
            ? LiveFit.Run(
                Fit, reports, new PlotData(set.Data, 2), ViewKind.HeatMap, ColorBy.Density, Aspect.Auto,
                (1280, 720),
                line.Has("--close-when-done"), stderr, quiet, t)
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
