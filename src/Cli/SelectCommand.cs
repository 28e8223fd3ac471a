using System.CommandLine;
using GmmGpu.Backends;
using GmmGpu.Cli.Parsing;
using GmmGpu.Covariance;
using GmmGpu.Data;
using GmmGpu.Engine;
using GmmGpu.ModelFiles;
using GmmGpu.UseCases;

namespace GmmGpu.Cli;

/// <summary><c>gmm select</c>: BIC/AIC over K and covariance types; the best model saved.</summary>
internal static class SelectCommand
{
    private static readonly Dictionary<string, InformationCriterion> Criteria = new()
    {
        ["bic"] = InformationCriterion.Bic, ["aic"] = InformationCriterion.Aic,
    };

    /// <summary>--covariance's choices here: one type, or all of them.</summary>
    private static readonly Dictionary<string, CovarianceType[]> CovarianceChoices =
        new(GmmOptions.CovarianceTypes.Select(
            pair => KeyValuePair.Create(pair.Key, new[] { pair.Value })))
        {
            ["all"] = [.. GmmOptions.CovarianceTypes.Values],
        };

    /// <summary><c>gmm select</c>: its arguments and options.</summary>
    public static Command Create(CommandContext context)
    {
        Argument<string> data = GmmOptions.File("DATA", "the points to fit");
        // IReadOnlyList: absent is null (an absent array would read as empty).
        Option<IReadOnlyList<int>?> ks = GmmOptions.Parsed<IReadOnlyList<int>?>(
            "--k", "A..B", "range of K (or one K), ≥ 1 (default 1..10)", ParseRange, "-k");
        Option<Choice<CovarianceType[]>> covariance = GmmOptions.OneOf(
            "--covariance", "the covariance types to try", CovarianceChoices,
            CovarianceChoices["full"]);
        Option<Choice<InformationCriterion>> criterion = GmmOptions.OneOf(
            "--criterion", "what picks the best (lower is better)", Criteria,
            InformationCriterion.Bic);
        Option<string?> output =
            GmmOptions.Output("FILE", "write the best model as JSON", required: false);
        Option<int> seed = GmmOptions.Seed(0, "seed of every fit");
        Option<int> maxIter = GmmOptions.MaxIter("most EM iterations per fit, ≥ 1");
        Option<double> regCovar = GmmOptions.RegCovar(1e-6);
        Option<IReadOnlyList<string>?> columns = GmmOptions.Columns();
        Option<Choice<ComputeDevice>> device = GmmOptions.Device();
        var command = new GmmCommand(
            "select",
            "Fits a mixture for every K in the range and every covariance type asked for, "
            + "prints a table of BIC and AIC, and saves the best model by the criterion (lower "
            + "is better). A candidate whose fit fails (a singular covariance) is listed as "
            + "failed, and K larger than the number of points as skipped; the sweep goes on.")
        {
            data, ks, covariance, criterion, output, seed, maxIter, regCovar, columns, device,
        };
        command.Examples.Add("gmm select points.npy --k 1..12 --covariance all -o best.json");
        command.SetAction(parse =>
        {
            var options = new GaussianMixtureOptions
            {
                Seed = parse.GetValue(seed),
                MaxIterations = parse.GetValue(maxIter),
                RegCovar = parse.GetValue(regCovar),
                Device = parse.GetValue(device).Value,
            };
            return Run(
                (parse.GetValue(data)!, parse.GetValue(columns)),
                [.. parse.GetValue(ks) ?? Enumerable.Range(1, 10)],
                parse.GetValue(covariance).Value,
                parse.GetValue(criterion).Value,
                options,
                parse.GetValue(output),
                context.Style(parse),
                context);
        });
        return command;
    }

    private static int Run(
        (string Path, IReadOnlyList<string>? Columns) input,
        int[] ks,
        CovarianceType[] types,
        InformationCriterion criterion,
        GaussianMixtureOptions options,
        string? output,
        OutputStyle style,
        CommandContext context)
    {
        (TextWriter stdout, TextWriter stderr, CancellationToken t) =
            (context.Stdout, context.Stderr, context.CancellationToken);
        CommandSupport.CheckOutput(output);
        CommandSupport.CheckDistinct([input.Path], ("-o", output));
        // Read as the file holds the values: float64 far from the origin is shifted first.
        using IRowSource data = RowSources.Open(input.Path, input.Columns);
        bool json = style.Json;
        using IComputeBackend backend = ComputeBackends.Create(options.Device);
        bool quiet = !style.Progress;
        if (!json)
        {
            stdout.WriteLine("    K  covariance           BIC             AIC   iterations");
        }

        SelectionResult result = ModelSelection.Select(
            data, ks, types, criterion, options, backend,
            new ProgressPrinter(stderr, quiet, 1),
            row =>
            {
                if (!json && row.Failure is not null)
                {
                    string type = CovarianceModels.NameOf(row.CovarianceType);
                    stdout.WriteLine(CommandSupport.Format(
                        $"{row.Components,5}  {type,-10} {row.Failure}"));
                }
                else if (!json)
                {
                    string type = CovarianceModels.NameOf(row.CovarianceType);
                    (int k, double bic, double aic, int n) =
                        (row.Components, row.Bic, row.Aic, row.Iterations);
                    stdout.WriteLine(CommandSupport.Format(
                        $"{k,5}  {type,-10} {bic,15:F2} {aic,15:F2} {n,12}"));
                }

                if (!quiet && row.Failure is null)
                {
                    stderr.WriteLine(CommandSupport.Format(
                        $"fitted K={row.Components} {CovarianceModels.NameOf(row.CovarianceType)}"));
                }
            },
            t);
        if (output is not null)
        {
            result.BestModel.Save(output);
        }

        string bestType = CovarianceModels.NameOf(result.Best.CovarianceType);
        if (json)
        {
            CommandSupport.WriteJson(stdout, w =>
            {
                w.WriteString("criterion", criterion == InformationCriterion.Bic ? "bic" : "aic");
                w.WriteNumber("best_n_components", result.Best.Components);
                w.WriteString("best_covariance_type", bestType);
                w.WriteStartArray("candidates");
                foreach (SelectionCandidate row in result.Candidates)
                {
                    w.WriteStartObject();
                    w.WriteNumber("n_components", row.Components);
                    w.WriteString("covariance_type", CovarianceModels.NameOf(row.CovarianceType));
                    CommandSupport.Number(w, "bic", row.Bic);
                    CommandSupport.Number(w, "aic", row.Aic);
                    w.WriteNumber("n_iter", row.Iterations);
                    if (row.Failure is not null)
                    {
                        w.WriteString("error", row.Failure);
                    }
                    w.WriteEndObject();
                }

                w.WriteEndArray();
                if (output is not null)
                {
                    w.WriteString("model", output);
                }
            });
            return 0;
        }

        stdout.WriteLine(CommandSupport.Format(
            $"best              K={result.Best.Components} {bestType}"));
        stdout.WriteLine($"model             {output ?? "(not written; use -o best.json)"}");
        return 0;
    }

    private static int[] ParseRange(string option, string text)
    {
        string[] parts = text.Split("..");
        bool ok = int.TryParse(parts[0], out int low);
        int high = low;
        ok &= parts.Length == 1 || (parts.Length == 2 && int.TryParse(parts[1], out high));
        return ok && low >= 1 && high >= low
            ? Enumerable.Range(low, high - low + 1).ToArray()
            : throw new UsageException(
                $"{option} must be K or A..B with 1 <= A <= B, not \"{text}\"");
    }
}
