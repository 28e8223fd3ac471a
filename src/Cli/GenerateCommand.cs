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
        unequal covariances in D dimensions, and optionally saves that true model.

        options:
          -n N                number of points, >= 1
          --dim D             dimensions, >= 1
          -k, --components K  components, >= 1
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

    public static int Run(string[] args, TextWriter stdout, CancellationToken token)
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
        string output = CommandSupport.Required(line, "-o", "generate");
        string? modelPath = line.Get("--model"), labelsPath = line.Get("--labels");
        CommandSupport.CheckOutput(output, CommandSupport.TableExtensions);
        CommandSupport.CheckOutput(modelPath);
        CommandSupport.CheckOutput(labelsPath, CommandSupport.TableExtensions);
        CommandSupport.CheckDistinct(
            [], ("-o", output), ("--model", modelPath), ("--labels", labelsPath));
        SyntheticDataSet set =
            SyntheticData.Generate(n, d, k, line.GetInt("--seed", 0) ?? 0, token);
        // Every output is written in full before any replaces its target: one that fails
        // leaves none of them.
        using TableWriter points = TableWriter.Create(output, n, Names(d), TableElement.Float32);
        points.WriteRows<float>(set.Data, token);
        points.Finish();
        using OutputFile? model = modelPath is null
            ? null
            : OutputFile.Prepare(modelPath, stream => ModelFile.Save(set.TrueModel, stream));
        using TableWriter? labels = labelsPath is null
            ? null
            : TableWriter.Create(labelsPath, n, ["label"], TableElement.Int32, true);
        labels?.WriteRows<int>(set.Labels, token);
        labels?.Finish();
        points.Commit();
        model?.Commit();
        labels?.Commit();

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
