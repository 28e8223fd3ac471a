using System.CommandLine;
using GmmGpu.Backends;
using GmmGpu.Cli.Parsing;
using GmmGpu.Data;
using GmmGpu.Engine;
using GmmGpu.UseCases;

namespace GmmGpu.Cli;

/// <summary><c>gmm predict</c>: labels or responsibilities of each point.</summary>
internal static class PredictCommand
{
    /// <summary><c>gmm predict</c>: its arguments and options.</summary>
    public static Command Create(CommandContext context)
    {
        var line = new ModelDataCommandLine(
            "FILE",
            "labels (int32 .npy or CSV column \"label\") or with --proba responsibilities");
        Option<bool> proba = GmmOptions.Flag(
            "--proba", "write responsibilities (float64, columns p0..pK-1) instead of labels");
        GmmCommand command = line.CreateCommand(
            "predict",
            "Labels each point of DATA with its most likely component, or with --proba writes "
            + "every component's responsibility, shape (N, K), computed and written 65536 rows "
            + "at a time. Without -o, prints points per component.");
        command.Add(proba);
        command.Examples.Add("gmm predict model.json points.npy -o labels.npy");
        command.Examples.Add("gmm predict model.json points.npy --proba -o resp.npy");
        command.SetAction(parse => Run(
            line.Read(parse, context), parse.GetValue(proba), context.Stdout,
            context.CancellationToken));
        return command;
    }

    private static int Run(
        ModelDataInputs inputs, bool proba, TextWriter stdout, CancellationToken token)
    {
        string? output = inputs.OutputPath;
        if (proba && output is null)
        {
            throw new UsageException("predict --proba needs -o FILE");
        }

        (GaussianMixtureModel model, IRowSource rows) = inputs.Open();
        using IRowSource data = rows;
        using IComputeBackend backend = ComputeBackends.Create(inputs.Device);
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

        if (inputs.Json)
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
