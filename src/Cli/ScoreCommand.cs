using GmmGpu.Backends;
using GmmGpu.Data;
using GmmGpu.Engine;
using GmmGpu.UseCases;

namespace GmmGpu.Cli;

/// <summary><c>gmm score</c>: the log-likelihood of each point.</summary>
internal static class ScoreCommand
{
    public const string Help = """
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


    public static int Run(string[] args, TextWriter stdout, CancellationToken token)
    {
        if (CommandSupport.Parse(args, Values, CommandSupport.Flags(), Help, stdout)
            is not { } line)
        {
            return 0;
        }

        CommandSupport.ExpectPositional(line, "score", "MODEL.json", "DATA");
        string? output = line.Get("-o");
        CommandSupport.CheckOutput(output, CommandSupport.TableExtensions);
        CommandSupport.CheckDistinct(line.Positional, ("-o", output));
        GaussianMixtureModel model = GaussianMixtureModel.Load(line.Positional[0]);
        // Read a batch at a time: files larger than memory are scored too.
        using IRowSource data = RowSources.Open(line.Positional[1], CommandSupport.Columns(line));
        using IComputeBackend backend = ComputeBackends.Create(CommandSupport.Device(line));
        (_, double mean, double min, double max) =
            Scoring.WriteScores(model, data, output, backend, token);
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
