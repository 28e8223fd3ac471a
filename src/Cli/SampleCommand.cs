using GmmGpu.Data;

namespace GmmGpu.Cli;

/// <summary><c>gmm sample</c>: points drawn from a model.</summary>
internal static class SampleCommand
{
    public const string Help = """
        usage: gmm sample MODEL.json -n N -o OUT.npy|.csv [--seed S] [--labels]

        Draws N points from the model (grouped by component, like scikit-learn).

        options:
          -n N                number of points, >= 1
          --seed S            seed (default: random)
          -o, --output FILE   the points (float32 .npy or CSV)
          --labels            add a last column "label": each point's component
          --json              one JSON object on stdout
          --quiet             no messages on stderr
          -h, --help          this text

        example:
          gmm sample model.json -n 10000 --seed 3 -o samples.csv --labels
        """;

    private static readonly Dictionary<string, string> Values =
        CommandSupport.Table("-n", "--seed", "-o|--output", "--device");

    public static int Run(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken t)
    {
        if (CommandSupport.Parse(args, Values, CommandSupport.Flags("--labels"), Help,
            stdout) is not { } line)
        {
            return 0;
        }

        CommandSupport.ExpectPositional(line, "sample", "MODEL.json");
        int n = line.GetInt("-n", 1) ?? throw new UsageException("sample needs -n N");
        string output = CommandSupport.Required(line, "-o", "sample");
        CommandSupport.CheckOutput(output, CommandSupport.TableExtensions);
        CommandSupport.CheckDistinct(line.Positional, ("-o", output));
        GaussianMixtureModel model = GaussianMixtureModel.Load(line.Positional[0]);
        int d = model.Dimensions;
        bool withLabels = line.Has("--labels");
        string[] names = withLabels ? [.. GenerateCommand.Names(d), "label"]
            : GenerateCommand.Names(d);
        OutputSpace.Check(output, n, names.Length);
        var progress = new RowProgress(
            stderr, "sample", n, line.Has("--quiet") || line.Has("--json"));
        progress.Start();
        using (TableWriter writer = TableWriter.Create(output, n, names, TableElement.Float32))
        {
            foreach ((float[] samples, int[] labels) in model.SampleBatches(
                n, line.GetInt("--seed", int.MinValue), OutputSpace.BatchRows, t))
            {
                writer.WriteRows<float>(withLabels ? WithLabels(samples, labels, d) : samples);
                progress.Add(labels.Length);
            }

            writer.Commit();
        }

        GenerateCommand.Summary(stdout, line.Has("--json"), n, d, output);
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
