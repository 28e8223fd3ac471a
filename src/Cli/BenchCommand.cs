using GmmGpu.Cli.Features;
using GmmGpu.UseCases;

namespace GmmGpu.Cli;

/// <summary><c>gmm bench</c>: one EM pass timed on every backend.</summary>
internal static class BenchCommand
{
    public const string Help = """
        usage: gmm bench [--n N] [--dim D] [-k K] [options]

        Times one EM pass (the fused E-step) on every backend available here on generated data
        and prints backend, device, ms/iteration, points/s and the ratio to cpu.

        options:
          --n N               points (default 200000)
          --dim D             dimensions (default 2)
          -k, --components K  components (default 5)
          --iterations I      timed passes per backend (default 5)
          --seed S            seed of the data (default 0)
          --device DEVICE     time only this backend: cpu | cuda | opencl | ilgpu-cpu
          --json              one JSON object on stdout
          --quiet             no progress lines on stderr
          -h, --help          this text

        example:
          gmm bench --n 1000000 --dim 4 -k 8
        """;

    private static readonly Dictionary<string, string> Values = CommandSupport.Table(
        "--n|-n", "--dim", "-k|--components", "--iterations", "--seed", "--device");

    public static int Run(
        string[] args, TextWriter stdout, TextWriter stderr, CancellationToken token)
    {
        if (CommandSupport.Parse(args, Values, CommandSupport.Flags(), Help, stdout)
            is not { } line)
        {
            return 0;
        }

        CommandSupport.ExpectPositional(line, "bench");
        int n = line.GetInt("--n", 1) ?? 200_000, d = line.GetInt("--dim", 1) ?? 2;
        int k = line.GetInt("-k", 1) ?? 5;
        CheckSize(n, d, k);
        ComputeDevice[]? only = line.Get("--device") is null ? null : [CommandSupport.Device(line)];
        bool quiet = line.Has("--quiet") || line.Has("--json");
        IReadOnlyList<BenchmarkRow> rows = BackendBenchmark.Run(
            n, d, k, line.GetInt("--iterations", 1) ?? 5, line.GetInt("--seed", 0) ?? 0, only,
            token, quiet ? null : message => stderr.WriteLine($"bench: {message}"));
        if (line.Has("--json"))
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
