using GmmGpu.Data;
using GmmGpu.Files;
using GmmGpu.ModelFiles;
using GmmGpu.UseCases;

namespace GmmGpu.Cli;

/// <summary><c>gmm generate</c>: synthetic mixture data and its true model.</summary>
internal static class GenerateCommand
{
    public const string Help = """
        usage: gmm generate -n N --dim D --components K -o DATA.npy|.csv [options]

        Draws N points from a random mixture of K well-separated Gaussians with rotated,
        unequal covariances in D dimensions, and optionally saves that true model. The points
        are drawn and written in batches (any N fits in memory); K <= 10000, D <= 1000 and
        K*D^3 <= 2e9 (the work of drawing the covariances).

        options:
          -n N                number of points, >= 1 (1e6 and 1000000 alike)
          --dim D             dimensions, 1 to 1000
          -k, --components K  components, 1 to 10000
          --seed S            seed (default 0)
          -o, --output FILE   the points (float32 .npy or CSV)
          --model FILE        also write the true model as JSON
          --labels FILE       also write each point's true component (.npy or CSV)
          --json              one JSON object on stdout
          --quiet             no messages on stderr
          -h, --help          this text

        example:
          gmm generate -n 100000 --dim 2 --components 5 --seed 1 -o data.npy --model true.json
        """;

    private static readonly Dictionary<string, string> GenerateValues = CommandSupport.Table(
        "-n", "--dim", "-k|--components", "--seed", "-o|--output", "--model", "--labels",
        "--device");

    public static int Run(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken t)
    {
        if (CommandSupport.Parse(args, GenerateValues, CommandSupport.Flags(), Help,
            stdout) is not { } line)
        {
            return 0;
        }

        CommandSupport.ExpectPositional(line, "generate");
        int n = line.GetInt("-n", 1) ?? throw new UsageException("generate needs -n N");
        int d = line.GetInt("--dim", 1) ?? throw new UsageException("generate needs --dim D");
        int k = line.GetInt("-k", 1)
            ?? throw new UsageException("generate needs --components K");
        if (SyntheticData.SizeProblem(d, k) is { } problem)
        {
            throw new UsageException(problem);
        }

        string output = CommandSupport.Required(line, "-o", "generate");
        string? modelPath = line.Get("--model"), labelsPath = line.Get("--labels");
        CommandSupport.CheckOutput(output, CommandSupport.TableExtensions);
        CommandSupport.CheckOutput(modelPath);
        CommandSupport.CheckOutput(labelsPath, CommandSupport.TableExtensions);
        CommandSupport.CheckDistinct(
            [], ("-o", output), ("--model", modelPath), ("--labels", labelsPath));
        OutputSpace.Check(output, n, d);
        var source = new SyntheticSource(d, k, line.GetInt("--seed", 0) ?? 0);
        var progress = new RowProgress(
            stderr, "generate", n, line.Has("--quiet") || line.Has("--json"));
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
                t.ThrowIfCancellationRequested();
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

        Summary(stdout, line.Has("--json"), n, d, output);
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
