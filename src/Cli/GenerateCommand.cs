using System.CommandLine;
using GmmGpu.Cli.Parsing;
using GmmGpu.Data;
using GmmGpu.Files;
using GmmGpu.ModelFiles;
using GmmGpu.UseCases;

namespace GmmGpu.Cli;

/// <summary><c>gmm generate</c>: synthetic mixture data and its true model.</summary>
internal static class GenerateCommand
{
    /// <summary><c>gmm generate</c>: its options.</summary>
    public static Command Create(CommandContext context)
    {
        Option<int?> n = GmmOptions.Integer(
            "-n", "N", "number of points, ≥ 1 (1e6 and 1000000 alike)", 1);
        Option<int?> dim = GmmOptions.Integer("--dim", "D", "dimensions, 1 to 1000", 1);
        Option<int?> components =
            GmmOptions.Integer("--components", "K", "components, 1 to 10000", 1, "-k");
        n.Required = dim.Required = components.Required = true;
        Option<int> seed = GmmOptions.Seed(0);
        Option<string?> output =
            GmmOptions.Output("FILE", "the points (float32 .npy or CSV)", required: true);
        Option<string?> model =
            GmmOptions.Text("--model", "FILE", "also write the true model as JSON");
        Option<string?> labels = GmmOptions.Text(
            "--labels", "FILE", "also write each point's true component (.npy or CSV)");
        var command = new GmmCommand(
            "generate",
            "Draws N points from a random mixture of K well-separated Gaussians with rotated, "
            + "unequal covariances in D dimensions, and optionally saves that true model. The "
            + "points are drawn and written in batches (any N fits in memory); K <= 10000, "
            + "D <= 1000 and K*D^3 <= 2e9 (the work of drawing the covariances).")
        {
            n, dim, components, seed, output, model, labels,
        };
        command.Examples.Add(
            "gmm generate -n 100000 --dim 2 --components 5 --seed 1 -o data.npy --model true.json");
        command.SetAction(parse => Run(
            (parse.GetValue(n)!.Value, parse.GetValue(dim)!.Value,
                parse.GetValue(components)!.Value),
            parse.GetValue(seed),
            (parse.GetValue(output)!, parse.GetValue(model), parse.GetValue(labels)),
            context.Style(parse),
            context));
        return command;
    }

    private static int Run(
        (int N, int D, int K) size,
        int seed,
        (string Points, string? Model, string? Labels) outputs,
        OutputStyle style,
        CommandContext context)
    {
        (int n, int d, int k) = size;
        (string output, string? modelPath, string? labelsPath) = outputs;
        if (SyntheticData.SizeProblem(d, k) is { } problem)
        {
            throw new UsageException(problem);
        }

        CommandSupport.CheckOutput(output, CommandSupport.TableExtensions);
        CommandSupport.CheckOutput(modelPath);
        CommandSupport.CheckOutput(labelsPath, CommandSupport.TableExtensions);
        CommandSupport.CheckDistinct(
            [], ("-o", output), ("--model", modelPath), ("--labels", labelsPath));
        OutputSpace.Check(output, n, d);
        var source = new SyntheticSource(d, k, seed);
        var progress = new RowProgress(context.Stderr, "generate", n, !style.Progress);
        progress.Start();
        // Every output is written in full before any replaces its target: one that fails
        // leaves none of them, and the files they would replace intact.
        using (TableWriter points = TableWriter.Create(output, n, Names(d), TableElement.Float32))
        using (TableWriter? labels = labelsPath is null ? null
            : TableWriter.Create(labelsPath, n, ["label"], TableElement.Int32, true))
        {
            var batch = new float[OutputSpace.BatchRows * d];
            var batchLabels = new int[OutputSpace.BatchRows];
            for (long done = 0; done < n;)
            {
                context.CancellationToken.ThrowIfCancellationRequested();
                int rows = (int)Math.Min(OutputSpace.BatchRows, n - done);
                source.Draw(batch.AsSpan(0, rows * d), batchLabels.AsSpan(0, rows));
                points.WriteRows<float>(batch.AsSpan(0, rows * d));
                labels?.WriteRows<int>(batchLabels.AsSpan(0, rows));
                done += rows;
                progress.Add(rows);
            }

            points.Finish();
            labels?.Finish();
            using OutputFile? model = modelPath is null
                ? null
                : OutputFile.Prepare(modelPath, stream => ModelFile.Save(source.TrueModel, stream));
            points.Commit();
            labels?.Commit();
            model?.Commit();
        }

        Summary(context.Stdout, style.Json, n, d, output);
        return 0;
    }

    internal static string[] Names(int d) =>
        Enumerable.Range(0, d).Select(j => CommandSupport.Format($"x{j}")).ToArray();

    internal static void Summary(TextWriter stdout, bool asJson, int n, int d, string output)
    {
        if (asJson)
        {
            CommandSupport.WriteJson(stdout, json =>
            {
                json.WriteNumber("n_samples", n);
                json.WriteNumber("n_features", d);
                json.WriteString("output", output);
            });
        }
        else
        {
            stdout.WriteLine(
                CommandSupport.Format($"wrote {n} points of {d} features to {output}"));
        }
    }
}
