using System.CommandLine;
using GmmGpu.Backends;
using GmmGpu.Cli.Parsing;
using GmmGpu.Data;
using GmmGpu.Engine;
using GmmGpu.UseCases;

namespace GmmGpu.Cli;

/// <summary><c>gmm score</c>: the log-likelihood of each point.</summary>
internal static class ScoreCommand
{
    /// <summary><c>gmm score</c>: its arguments and options.</summary>
    public static Command Create(CommandContext context)
    {
        var line = new ModelDataCommandLine(
            "FILE", "per-point log-likelihood (.npy shape (N) or CSV)");
        GmmCommand command = line.CreateCommand(
            "score",
            "Writes log p(x) of each point of DATA under the model (float64), and prints the "
            + "mean, minimum and maximum.");
        command.Examples.Add("gmm score model.json points.csv -o scores.csv");
        command.SetAction(
            parse => Run(line.Read(parse, context), context.Stdout, context.CancellationToken));
        return command;
    }

    private static int Run(ModelDataInputs inputs, TextWriter stdout, CancellationToken token)
    {
        string? output = inputs.OutputPath;
        (GaussianMixtureModel model, IRowSource rows) = inputs.Open();
        using IRowSource data = rows;
        using IComputeBackend backend = ComputeBackends.Create(inputs.Device);
        (_, double mean, double min, double max) =
            Scoring.WriteScores(model, data, output, backend, token);
        if (inputs.Json)
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
