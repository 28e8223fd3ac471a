using GmmGpu.Backends;
using GmmGpu.Data;
using GmmGpu.Engine;
using GmmGpu.UseCases;

namespace GmmGpu.Cli;

/// <summary><c>gmm predict</c>: labels or responsibilities of each point.</summary>
internal static class PredictCommand
{
    public const string Help = """
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

    private static readonly Dictionary<string, string> Values =
        CommandSupport.Table("-o|--output", "--columns", "--device");

    public static int Run(string[] args, TextWriter stdout, CancellationToken token)
    {
        if (CommandSupport.Parse(args, Values, CommandSupport.Flags("--proba"), Help, stdout)
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

        CommandSupport.CheckOutput(output, CommandSupport.TableExtensions);
        CommandSupport.CheckDistinct(line.Positional, ("-o", output));
        GaussianMixtureModel model = GaussianMixtureModel.Load(line.Positional[0]);
        // Read a batch at a time: files larger than memory are labelled too.
        using IRowSource data = RowSources.Open(line.Positional[1], CommandSupport.Columns(line));
        using IComputeBackend backend = ComputeBackends.Create(CommandSupport.Device(line));
        long[] counts;
        if (proba)
        {
            Prediction.WriteProbabilities(model, data, output!, backend, token);
            counts = [];
        }
        else
        {
            counts = Prediction.WriteLabels(model, data, output, backend, token);
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

}
