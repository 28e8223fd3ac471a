using System.CommandLine;
using GmmGpu.Cli.Features;
using GmmGpu.Cli.Parsing;
using GmmGpu.UseCases;

namespace GmmGpu.Cli;

/// <summary><c>gmm bench</c>: one EM pass timed on every backend.</summary>
internal static class BenchCommand
{
    /// <summary><c>gmm bench</c>: its options.</summary>
    public static Command Create(CommandContext context)
    {
        Option<int> n = GmmOptions.Integer("--n", "N", "points", 1, 200_000, "-n");
        Option<int> dim = GmmOptions.Integer("--dim", "D", "dimensions", 1, 2);
        Option<int> k = GmmOptions.Integer("--components", "K", "components", 1, 5, "-k");
        Option<int> iterations =
            GmmOptions.Integer("--iterations", "I", "timed passes per backend", 1, 5);
        Option<int> seed = GmmOptions.Seed(0, "seed of the data");
        Option<Choice<ComputeDevice>?> device = GmmOptions.OneOf(
            "--device", "time only this backend (default: every one available)",
            GmmOptions.Devices);
        var command = new GmmCommand(
            "bench",
            "Times one EM pass (the fused E-step) on every backend available here on "
            + "generated data and prints backend, device, ms/iteration, points/s and the ratio "
            + "to cpu.")
        {
            n, dim, k, iterations, seed, device,
        };
        command.Examples.Add("gmm bench --n 1000000 --dim 4 -k 8");
        command.SetAction(parse => Run(
            (parse.GetValue(n), parse.GetValue(dim), parse.GetValue(k)),
            (parse.GetValue(iterations), parse.GetValue(seed)),
            parse.GetValue(device)?.Value,
            context.Style(parse),
            context));
        return command;
    }

    private static int Run(
        (int N, int D, int K) size,
        (int Iterations, int Seed) passes,
        ComputeDevice? only,
        OutputStyle style,
        CommandContext context)
    {
        (int n, int d, int k) = size;
        (TextWriter stdout, TextWriter stderr) = (context.Stdout, context.Stderr);
        CheckSize(n, d, k);
        IReadOnlyList<BenchmarkRow> rows = BackendBenchmark.Run(
            n, d, k, passes.Iterations, passes.Seed, only is { } one ? [one] : null,
            context.CancellationToken,
            style.Progress ? message => stderr.WriteLine($"bench: {message}") : null);
        if (style.Json)
        {
            CommandSupport.WriteJson(stdout, json =>
            {
                json.WriteNumber("n_samples", n);
                json.WriteNumber("n_features", d);
                json.WriteNumber("n_components", k);
                json.WriteStartArray("backends");
                foreach (BenchmarkRow row in rows)
                {
                    json.WriteStartObject();
                    json.WriteString("backend", CommandSupport.DeviceText(row.Device));
                    json.WriteString("name", row.Name);
                    json.WriteNumber("ms_per_iteration", row.MillisecondsPerIteration);
                    json.WriteNumber("points_per_second", row.PointsPerSecond);
                    CommandSupport.Number(json, "ratio_to_cpu", row.RatioToCpu);
                    json.WriteEndObject();
                }

                json.WriteEndArray();
            });
            return 0;
        }

        stdout.WriteLine(CommandSupport.Format($"N={n} D={d} K={k}, full covariances"));
        stdout.WriteLine("backend      ms/iter      points/s   vs cpu  device");
        foreach (BenchmarkRow row in rows)
        {
            string backend = CommandSupport.DeviceText(row.Device);
            double ms = row.MillisecondsPerIteration;
            string rate = Rate(row.PointsPerSecond);
            stdout.WriteLine(CommandSupport.Format(
                $"{backend,-10} {ms,9:F2} {rate,13} {row.RatioToCpu,7:F2}x  {row.Name}"));
        }

        return 0;
    }

    /// <summary>
    /// A size no run could hold is a usage error (exit 2); one this machine's memory cannot
    /// hold is a runtime error (exit 1). Both before any work.
    /// </summary>
    private static void CheckSize(int n, int d, int k)
    {
        if (SyntheticData.SizeProblem(d, k) is { } problem)
        {
            throw new UsageException(problem);
        }

        if ((long)n * d > Array.MaxLength)
        {
            long values = (long)n * d;
            throw new UsageException(CommandSupport.Format(
                $"bench holds its points in one array: N·D is at most {Array.MaxLength}")
                + CommandSupport.Format($", not {values}"));
        }

        // The points (float32) and their labels (int32), twice while a backend copies them.
        double needed = 2.0 * n * (d + 1) * sizeof(float);
        long available = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes;
        if (needed > available)
        {
            double gigabyte = 1L << 30;
            throw new InvalidOperationException(CommandSupport.Format(
                $"bench --n {n} --dim {d} needs about {needed / gigabyte:F1} GB of memory; ")
                + CommandSupport.Format($"{available / gigabyte:F1} GB is available."));
        }
    }

    private static string Rate(double rate) => rate switch
    {
        >= 1e9 => CommandSupport.Format($"{rate / 1e9:F2}G"),
        >= 1e6 => CommandSupport.Format($"{rate / 1e6:F1}M"),
        >= 1e3 => CommandSupport.Format($"{rate / 1e3:F1}k"),
        _ => CommandSupport.Format($"{rate:F0}"),
    };
}
