using GmmGpu.Backends;
using GmmGpu.Data;
using GmmGpu.Engine;
using GmmGpu.UseCases;

namespace GmmGpu.Cli;

/// <summary><c>gmm anomalies</c>: the lowest-likelihood points under a model.</summary>
internal static class AnomaliesCommand
{
    public const string Help = """
        usage: gmm anomalies MODEL.json DATA (--contamination F | --threshold LOGLIK) [options]

        Finds the points of DATA least likely under the model: the fraction F with the lowest
        log p(x), or every point with log p(x) <= LOGLIK. Prints the threshold and the count.

        options:
          --contamination F   fraction of anomalies, in (0, 0.5]
          --threshold LOGLIK  log-likelihood at or below which a point is an anomaly
          -o, --output FILE   rows as CSV/.npy: row (0-based), log_likelihood, features
          --columns A,B       columns to use, by header name or 0-based index
          --device DEVICE     auto | cuda | opencl | ilgpu-cpu | cpu (default auto)
          --json              one JSON object on stdout
          --quiet             no messages on stderr
          -h, --help          this text

        example:
          gmm anomalies model.json points.npy --contamination 0.01 -o rows.csv
        """;

    private static readonly Dictionary<string, string> Values = CommandSupport.Table(
        "-o|--output", "--columns", "--device", "--contamination", "--threshold");

    public static int Run(string[] args, TextWriter stdout, CancellationToken token)
    {
        if (CommandSupport.Parse(args, Values, CommandSupport.Flags(), Help, stdout)
            is not { } line)
        {
            return 0;
        }

        CommandSupport.ExpectPositional(line, "anomalies", "MODEL.json", "DATA");
        double? contamination = line.GetDouble("--contamination", 0);
        double? threshold = line.GetDouble("--threshold", double.MinValue);
        if (contamination.HasValue == threshold.HasValue)
        {
            throw new UsageException("anomalies needs one of --contamination or --threshold");
        }

        if (contamination is not (null or (> 0 and <= 0.5)))
        {
            throw new UsageException("--contamination must be in (0, 0.5]");
        }

        string? output = line.Get("-o");
        CommandSupport.CheckOutput(output, CommandSupport.TableExtensions);
        CommandSupport.CheckDistinct(line.Positional, ("-o", output));
        GaussianMixtureModel model = GaussianMixtureModel.Load(line.Positional[0]);
        // Read in float64 and moved about the model's centre before the values become float32.
        using IRowSource data = RowSources.Open(line.Positional[1], CommandSupport.Columns(line));
        using IComputeBackend backend = ComputeBackends.Create(CommandSupport.Device(line));
        AnomalyReport report = AnomalyDetection.Detect(
            model, data, contamination, threshold, backend, token);
        if (output is not null)
        {
            AnomalyDetection.Write(report, data, output);
        }

        if (line.Has("--json"))
        {
            CommandSupport.WriteJson(stdout, json =>
            {
                json.WriteNumber("n_samples", data.Rows);
                CommandSupport.Number(json, "threshold", report.Threshold);
                json.WriteNumber("n_anomalies", report.Rows.Count);
                json.WriteStartArray("rows");
                foreach (long row in report.Rows.Take(1000))
                {
                    json.WriteNumberValue(row);
                }

                json.WriteEndArray();
            });
            return 0;
        }

        stdout.WriteLine(CommandSupport.Format($"threshold         {report.Threshold:G10}"));
        stdout.WriteLine(CommandSupport.Format(
            $"anomalies         {report.Rows.Count} of {data.Rows}"));
        foreach ((long row, double score) in report.Rows.Zip(report.Scores).Take(10))
        {
            stdout.WriteLine(CommandSupport.Format($"  row {row,-10} log-lik {score:G8}"));
        }

        stdout.WriteLine($"output            {output ?? "(none; use -o rows.csv)"}");
        return 0;
    }
}
