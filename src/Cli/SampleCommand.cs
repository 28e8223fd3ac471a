using System.CommandLine;
using GmmGpu.Cli.Parsing;
using GmmGpu.Data;

namespace GmmGpu.Cli;

/// <summary><c>gmm sample</c>: points drawn from a model.</summary>
internal static class SampleCommand
{
    /// <summary><c>gmm sample</c>: its arguments and options.</summary>
    public static Command Create(CommandContext context)
    {
        Argument<string> model = GmmOptions.File("MODEL", "the model to draw from (.json)");
        Option<int?> n = GmmOptions.Integer("-n", "N", "number of points, ≥ 1", 1);
        n.Required = true;
        Option<int?> seed = GmmOptions.Seed();
        Option<string?> output =
            GmmOptions.Output("FILE", "the points (float32 .npy or CSV)", required: true);
        Option<bool> labels = GmmOptions.Flag(
            "--labels", "add a last column \"label\": each point's component");
        var command = new GmmCommand(
            "sample", "Draws N points from the model (grouped by component, like scikit-learn).")
        {
            model, n, seed, output, labels,
        };
        command.Examples.Add("gmm sample model.json -n 10000 --seed 3 -o samples.csv --labels");
        command.SetAction(parse => Run(
            parse.GetValue(model)!, parse.GetValue(n)!.Value, parse.GetValue(seed),
            parse.GetValue(output)!, parse.GetValue(labels),
            context.Style(parse), context));
        return command;
    }

    private static int Run(
        string modelPath,
        int n,
        int? seed,
        string output,
        bool withLabels,
        OutputStyle style,
        CommandContext context)
    {
        CommandSupport.CheckOutput(output, CommandSupport.TableExtensions);
        CommandSupport.CheckDistinct([modelPath], ("-o", output));
        GaussianMixtureModel model = GaussianMixtureModel.Load(modelPath);
        int d = model.Dimensions;
        string[] names = withLabels ? [.. GenerateCommand.Names(d), "label"]
            : GenerateCommand.Names(d);
        OutputSpace.Check(output, n, names.Length);
        var progress = new RowProgress(context.Stderr, "sample", n, !style.Progress);
        progress.Start();
        using (TableWriter writer = TableWriter.Create(output, n, names, TableElement.Float32))
        {
            foreach ((float[] samples, int[] labels) in model.SampleBatches(
                n, seed, OutputSpace.BatchRows, context.CancellationToken))
            {
                writer.WriteRows<float>(withLabels ? WithLabels(samples, labels, d) : samples);
                progress.Add(labels.Length);
            }

            writer.Commit();
        }

        GenerateCommand.Summary(context.Stdout, style.Json, n, d, output);
        return 0;
    }

    /// <summary>Rows (x, label), shape (rows, D + 1).</summary>
    private static float[] WithLabels(float[] samples, int[] labels, int d)
    {
        var rows = new float[labels.Length * (d + 1)];
        for (int i = 0; i < labels.Length; i++)
        {
            samples.AsSpan(i * d, d).CopyTo(rows.AsSpan(i * (d + 1)));
            rows[(i * (d + 1)) + d] = labels[i];
        }

        return rows;
    }
}
