using GmmGpu.Backends;
using GmmGpu.Covariance;
using GmmGpu.Data;
using GmmGpu.Engine;
using GmmGpu.ModelFiles;
using GmmGpu.UseCases;

namespace GmmGpu.Cli;

/// <summary><c>gmm select</c>: BIC/AIC over K and covariance types; the best model saved.</summary>
internal static class SelectCommand
{
    public const string Help = """
        usage: gmm select DATA --k 1..12 [--covariance TYPE|all] [--criterion bic|aic] [options]

        Fits a mixture for every K in the range and every covariance type asked for, prints a
        table of BIC and AIC, and saves the best model by the criterion (lower is better).
        A candidate whose fit fails (a singular covariance) is listed as failed, and K larger
        than the number of points as skipped; the sweep goes on.

        options:
          --k A..B            range of K (or one K), >= 1 (default 1..10)
          --covariance TYPE   full | tied | diag | spherical | all (default full)
          --criterion C       bic | aic (default bic)
          -o, --output FILE   write the best model as JSON
          --seed S            seed of every fit (default 0)
          --max-iter M        most EM iterations per fit (default 100)
          --reg-covar R       added to every covariance's diagonal, >= 0 (default 1e-6)
          --columns A,B       columns to use, by header name or 0-based index
          --device DEVICE     auto | cuda | opencl | ilgpu-cpu | cpu (default auto)
          --json              one JSON object on stdout
          --quiet             no progress lines on stderr
          -h, --help          this text

        example:
          gmm select points.npy --k 1..12 --covariance all -o best.json
        """;

    private static readonly Dictionary<string, string> Values = CommandSupport.Table(
        "--k|-k", "--covariance", "--criterion", "-o|--output", "--seed", "--max-iter",
        "--reg-covar", "--columns", "--device");

    private static readonly Dictionary<string, InformationCriterion> Criteria = new()
    {
        ["bic"] = InformationCriterion.Bic, ["aic"] = InformationCriterion.Aic,
    };

    public static int Run(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken t)
    {
        if (CommandSupport.Parse(args, Values, CommandSupport.Flags(), Help, stdout)
            is not { } line)
        {
            return 0;
        }

        CommandSupport.ExpectPositional(line, "select", "DATA");
        int[] ks = ParseRange(line.Get("--k") ?? "1..10");
        string covariance = line.Get("--covariance") ?? "full";
        bool all = string.Equals(covariance, "all", StringComparison.OrdinalIgnoreCase);
        CovarianceType[] types = all
            ? [.. CommandSupport.CovarianceTypes.Values]
            : [line.GetChoice("--covariance", CommandSupport.CovarianceTypes)
                ?? CovarianceType.Full];
        InformationCriterion criterion =
            line.GetChoice("--criterion", Criteria) ?? InformationCriterion.Bic;
        string? output = line.Get("-o");
        CommandSupport.CheckOutput(output);
        CommandSupport.CheckDistinct(line.Positional, ("-o", output));
        // Read as the file holds the values: float64 far from the origin is shifted first.
        using IRowSource data = RowSources.Open(line.Positional[0], CommandSupport.Columns(line));
        bool json = line.Has("--json");
        var options = new GaussianMixtureOptions
        {
            Seed = line.GetInt("--seed", int.MinValue) ?? 0,
            MaxIterations = line.GetInt("--max-iter", 1) ?? 100,
            RegCovar = line.GetDouble("--reg-covar", 0) ?? 1e-6,
            Device = CommandSupport.Device(line),
        };
        using IComputeBackend backend = ComputeBackends.Create(options.Device);
        bool quiet = line.Has("--quiet") || json;
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

    private static int[] ParseRange(string text)
    {
        string[] parts = text.Split("..");
        bool ok = int.TryParse(parts[0], out int low);
        int high = low;
        ok &= parts.Length == 1 || (parts.Length == 2 && int.TryParse(parts[1], out high));
        return ok && low >= 1 && high >= low
            ? Enumerable.Range(low, high - low + 1).ToArray()
            : throw new UsageException($"--k must be K or A..B with 1 <= A <= B, not \"{text}\"");
    }
}
