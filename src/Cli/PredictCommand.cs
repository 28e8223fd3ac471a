using GmmGpu.Backends;
using GmmGpu.Data;
using GmmGpu.Engine;
using GmmGpu.UseCases;

namespace GmmGpu.Cli;

/// <summary><c>gmm predict</c> and <c>gmm score</c>: labels, responsibilities or log p(x).
/// </summary>
internal static class PredictCommand
{
    public const string PredictHelp = """
        usage: gmm predict MODEL.json DATA [-o labels.csv|labels.npy] [--proba] [options]

        Labels each point of DATA (.npy, .csv, .tsv, .txt, .parquet) with its most likely
        component, or with --proba writes every component's responsibility, shape (N, K),
        computed and written 65536 rows at a time. Without -o, prints points per component.

        options:
          -o, --output FILE   labels (int32 .npy or CSV column "label") or responsibilities
          --proba             write responsibilities (float64, columns p0..pK-1)
          --columns A,B       columns to use, by header name or 0-based index
          --device DEVICE     auto | cuda | opencl | ilgpu-cpu | cpu (default auto)
          --json              one JSON object on stdout
          --quiet             no messages on stderr
          -h, --help          this text

        example:
          gmm predict model.json points.npy -o labels.npy
        """;

    public const string ScoreHelp = """
        usage: gmm score MODEL.json DATA [-o scores.csv|scores.npy] [options]

        Writes log p(x) of each point of DATA under the model (float64), and prints the mean,
        minimum and maximum.

        options:
          -o, --output FILE   per-point log-likelihood (.npy shape (N) or CSV)
          --columns A,B       columns to use, by header name or 0-based index
          --device DEVICE     auto | cuda | opencl | ilgpu-cpu | cpu (default auto)
          --json              one JSON object on stdout
          --quiet             no messages on stderr
          -h, --help          this text

        example:
          gmm score model.json points.csv -o scores.csv
        """;

    private static readonly Dictionary<string, string> Values =
        CommandSupport.Table("-o|--output", "--columns", "--device");

    public static int Predict(string[] args, TextWriter stdout, CancellationToken token)
    {
        if (CommandSupport.Parse(args, Values, CommandSupport.Flags("--proba"), PredictHelp, stdout)
            is not { } line)
        {
            return 0;
        }

        CommandSupport.ExpectPositional(line, "predict", "MODEL.json", "DATA");
        string? output = line.Get("-o");
        bool proba = line.Has("--proba");
        if (proba && output is null)
        {
            throw new UsageException("predict --proba needs -o FILE");
        }

        CommandSupport.CheckFolderExists(output, CommandSupport.TableExtensions);
        GaussianMixtureModel model = GaussianMixtureModel.Load(line.Positional[0]);
        LoadedData data = DataReader.Read(line.Positional[1], CommandSupport.Columns(line));
        using IComputeBackend backend = ComputeBackends.Create(CommandSupport.Device(line));
        long[] counts;
        if (proba)
        {
            Prediction.WriteProbabilities(model, data, output!, backend, token);
            counts = [];
        }
        else if (output is not null)
        {
            counts = Prediction.WriteLabels(model, data, output, backend);
        }
        else
        {
            int[] labels = Prediction.Labels(model, data.Values, data.Features, backend);
            counts = Prediction.CountPerComponent(labels, model.Components);
        }

        if (line.Has("--json"))
        {
            CommandSupport.WriteJson(stdout, json =>
            {
                json.WriteNumber("n_samples", data.Rows);
                json.WriteNumber("n_components", model.Components);
                json.WriteStartArray("counts");
                foreach (long count in counts)
                {
                    json.WriteNumberValue(count);
                }

                json.WriteEndArray();
                if (output is not null)
                {
                    json.WriteString("output", output);
                }
            });
            return 0;
        }

        stdout.WriteLine(CommandSupport.Format($"points            {data.Rows}"));
        for (int c = 0; c < counts.Length; c++)
        {
            stdout.WriteLine(CommandSupport.Format($"component {c,-7} {counts[c]}"));
        }

        stdout.WriteLine($"output            {output ?? "(none; use -o FILE)"}");
        return 0;
    }

    public static int Score(string[] args, TextWriter stdout)
    {
        if (CommandSupport.Parse(args, Values, CommandSupport.Flags(), ScoreHelp, stdout)
            is not { } line)
        {
            return 0;
        }

        CommandSupport.ExpectPositional(line, "score", "MODEL.json", "DATA");
        string? output = line.Get("-o");
        CommandSupport.CheckFolderExists(output, CommandSupport.TableExtensions);
        GaussianMixtureModel model = GaussianMixtureModel.Load(line.Positional[0]);
        LoadedData data = DataReader.Read(line.Positional[1], CommandSupport.Columns(line));
        using IComputeBackend backend = ComputeBackends.Create(CommandSupport.Device(line));
        double[] scores = output is null
            ? Scoring.Scores(model, data.Values, data.Features, backend)
            : Scoring.WriteScores(model, data, output, backend);
        double mean = scores.Average(), min = scores.Min(), max = scores.Max();
        if (line.Has("--json"))
        {
            CommandSupport.WriteJson(stdout, json =>
            {
                json.WriteNumber("n_samples", data.Rows);
                CommandSupport.Number(json, "mean", mean);
                CommandSupport.Number(json, "min", min);
                CommandSupport.Number(json, "max", max);
                if (output is not null)
                {
                    json.WriteString("output", output);
                }
            });
            return 0;
        }

        stdout.WriteLine(CommandSupport.Format($"points            {data.Rows}"));
        stdout.WriteLine(CommandSupport.Format($"mean log-lik      {mean:G10}"));
        stdout.WriteLine(CommandSupport.Format($"min log-lik       {min:G10}"));
        stdout.WriteLine(CommandSupport.Format($"max log-lik       {max:G10}"));
        stdout.WriteLine($"output            {output ?? "(none; use -o FILE)"}");
        return 0;
    }
}
