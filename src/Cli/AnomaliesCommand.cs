using System.CommandLine;
using GmmGpu.Backends;
using GmmGpu.Cli.Parsing;
using GmmGpu.Data;
using GmmGpu.Engine;
using GmmGpu.UseCases;

namespace GmmGpu.Cli;

/// <summary><c>gmm anomalies</c>: the lowest-likelihood points under a model.</summary>
internal static class AnomaliesCommand
{
    /// <summary><c>gmm anomalies</c>: its arguments and options.</summary>
    public static Command Create(CommandContext context)
    {
        var line = new ModelDataCommandLine(
            "FILE", "rows as CSV/.npy: row (0-based), log_likelihood, features");
        Option<double?> contamination = GmmOptions.Number(
            "--contamination", "F", "fraction of anomalies, in (0, 0.5]", 0);
        Option<double?> threshold = GmmOptions.Number(
            "--threshold", "LOGLIK", "log-likelihood at or below which a point is an anomaly",
            double.MinValue);
        GmmCommand command = line.CreateCommand(
            "anomalies",
            "Finds the points of DATA least likely under the model: the fraction F with the "
            + "lowest log p(x) (--contamination F), or every point with log p(x) <= LOGLIK "
            + "(--threshold LOGLIK). Prints the threshold and the count.");
        command.Add(contamination);
        command.Add(threshold);
        command.Examples.Add(
            "gmm anomalies model.json points.npy --contamination 0.01 -o rows.csv");
        command.Examples.Add("gmm anomalies model.json points.npy --threshold -12");
        command.SetAction(parse => Run(
            line.Read(parse, context), parse.GetValue(contamination), parse.GetValue(threshold),
            context.Stdout, context.CancellationToken));
        return command;
    }

    private static int Run(
        ModelDataInputs inputs,
        double? contamination,
        double? threshold,
        TextWriter stdout,
        CancellationToken token)
    {
        if (contamination.HasValue == threshold.HasValue)
        {
            throw new UsageException("anomalies needs one of --contamination or --threshold");
        }

        if (contamination is not (null or (> 0 and <= 0.5)))
        {
            throw new UsageException("--contamination must be in (0, 0.5]");
        }

        string? output = inputs.OutputPath;
        (GaussianMixtureModel model, IRowSource rows) = inputs.Open();
        // Read in float64 and moved about the model's centre before the values become float32.
        using IRowSource data = rows;
        using IComputeBackend backend = ComputeBackends.Create(inputs.Device);
        AnomalyReport report = AnomalyDetection.Detect(
            model, data, contamination, threshold, backend, token);
        if (output is not null)
        {
            AnomalyDetection.Write(report, data, output);
        }

        if (inputs.Json)
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
