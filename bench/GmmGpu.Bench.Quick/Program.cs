using System.Diagnostics;
using System.Globalization;
using GmmGpu;
using GmmGpu.Backends;
using GmmGpu.Backends.Cpu;
using GmmGpu.Engine;
using GmmGpu.TestData;

// Times Accumulate (the fused E-step pass) on the SIMD cpu backend, then on ilgpu-cpu (the GPU
// kernels on CPU threads) for the first case: the median of 20 runs after warm-up, per case.
// Usage: dotnet run -c Release --project bench/GmmGpu.Bench.Quick [rows] [threads] [passes]
// With "passes": the SIMD and the blocked CPU pass side by side over a grid of D and K (the
// crossover of CpuPassChoice), fastest of 5 runs each.
if (args.Length > 0 && args[0] == "kernels")
{
    KernelRates.Run();
    return;
}

int rows = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1_000_000;
int? threads = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : null;
string threadCount = threads?.ToString(CultureInfo.InvariantCulture) ?? "all";
if (args.Length > 2 && args[2] == "passes")
{
    PassGrid.Run(rows, threads, args[3..]);
    return;
}
(ComputeDevice Device, int D, int K, PrecisionForm Form)[] cases =
[
    (ComputeDevice.Cpu, 2, 5, PrecisionForm.Triangular),
    (ComputeDevice.Cpu, 8, 16, PrecisionForm.Triangular),
    (ComputeDevice.Cpu, 2, 5, PrecisionForm.Diagonal),
    (ComputeDevice.IlgpuCpu, 2, 5, PrecisionForm.Triangular),
];
foreach ((ComputeDevice device, int d, int k, PrecisionForm form) in cases)
{
    using IComputeBackend backend = ComputeBackends.Create(device, threads);
    Console.WriteLine(
        $"{device}: {backend.DeviceName}, {Environment.ProcessorCount} cores, threads {threadCount}");
    KernelModel model = SeededMixture.Model(42, k, d, form, offset: 10, spread: 10);
    float[] data = SeededMixture.Points(42, model, rows);
    using IDeviceDataset dataset = backend.Upload(data, rows, d);
    var statistics = new SufficientStatistics(k, d, form);
    for (int i = 0; i < 3; i++)
    {
        backend.Accumulate(dataset, model, statistics, CancellationToken.None);
    }

    // CPU time is reported too: on a shared machine wall time includes other processes' turns.
    var times = new double[20];
    var cpuTimes = new double[20];
    using var process = Process.GetCurrentProcess();
    for (int i = 0; i < times.Length; i++)
    {
        process.Refresh();
        TimeSpan cpuStarted = process.TotalProcessorTime;
        long started = Stopwatch.GetTimestamp();
        backend.Accumulate(dataset, model, statistics, CancellationToken.None);
        times[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        process.Refresh();
        cpuTimes[i] = (process.TotalProcessorTime - cpuStarted).TotalMilliseconds;
    }

    Array.Sort(times);
    Array.Sort(cpuTimes);
    Console.WriteLine(
        $"{device} Accumulate N={rows} D={d} K={k} {form,-10}: median {times[10]:F2} ms "
        + $"(min {times[0]:F2}), CPU time median {cpuTimes[10]:F1} ms, "
        + $"log-likelihood/N {statistics.LogLikelihood / rows:F6}");
}

/// <summary>The SIMD and blocked CPU passes on the same inputs, over D and K.</summary>
internal static class PassGrid
{
    /// <param name="only">Cases as FORM,D,K (e.g. Diagonal,32,256); empty: the whole grid.</param>
    public static void Run(int rows, int? threads, string[] only)
    {
        Console.WriteLine($"form D K: simd ms, blocked ms, simd/blocked (N={rows})");
        IEnumerable<(PrecisionForm, int, int)> cases = only.Length > 0
            ? only.Select(Parse)
            : from form in new[] { PrecisionForm.Triangular, PrecisionForm.Diagonal }
              from d in new[] { 2, 4, 8, 12, 16, 24, 32, 64 }
              from k in new[] { 4, 16, 64, 256 }
              select (form, d, k);
        foreach ((PrecisionForm form, int d, int k) in cases)
        {
            {
                {
                    KernelModel model =
                        SeededMixture.Model(42, k, d, form, offset: 10, spread: 10);
                    float[] data = SeededMixture.Points(42, model, rows);
                    double simd = Best(new CpuBackend(threads, CpuPass.Simd), model, data);
                    double blocked = Best(new CpuBackend(threads, CpuPass.Blocked), model, data);
                    Console.WriteLine(
                        $"{form} {d} {k}: {simd:F2} {blocked:F2} {simd / blocked:F2}"
                        + $" auto={(CpuPassChoice.PrefersBlocked(model) ? "blocked" : "simd")}");
                }
            }
        }
    }

    private static (PrecisionForm, int, int) Parse(string text)
    {
        string[] parts = text.Split(',');
        return (Enum.Parse<PrecisionForm>(parts[0]),
            int.Parse(parts[1], CultureInfo.InvariantCulture),
            int.Parse(parts[2], CultureInfo.InvariantCulture));
    }

    private static double Best(CpuBackend backend, KernelModel model, float[] data)
    {
        using (backend)
        {
            int rows = data.Length / model.Dimensions;
            using IDeviceDataset dataset = backend.Upload(data, rows, model.Dimensions);
            var statistics =
                new SufficientStatistics(model.Components, model.Dimensions, model.Form);
            double best = double.MaxValue;
            for (int i = 0; i < 6; i++)
            {
                long started = Stopwatch.GetTimestamp();
                backend.Accumulate(dataset, model, statistics, CancellationToken.None);
                double elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                best = i == 0 ? best : Math.Min(best, elapsed);
            }

            return best;
        }
    }
}
