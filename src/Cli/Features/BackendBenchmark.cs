using System.Diagnostics;
using GmmGpu.Backends;
using GmmGpu.Em;
using GmmGpu.Engine;
using GmmGpu.UseCases;

namespace GmmGpu.Cli.Features;

/// <summary>One backend's time for the fused E-step pass (one EM iteration's data pass).</summary>
/// <param name="Device">The backend.</param>
/// <param name="Name">Its accelerator.</param>
/// <param name="MillisecondsPerIteration">Mean wall time of one pass, ms.</param>
/// <param name="PointsPerSecond">N / seconds per pass.</param>
/// <param name="RatioToCpu">cpu's time / this backend's (above 1 is faster than cpu).</param>
public sealed record BenchmarkRow(
    ComputeDevice Device,
    string Name,
    double MillisecondsPerIteration,
    double PointsPerSecond,
    double RatioToCpu);

/// <summary><c>gmm bench</c>: the EM pass timed on every backend available here.</summary>
public static class BackendBenchmark
{
    /// <summary>
    /// Generates N points (D, K) with <see cref="SyntheticData"/>, then on each backend
    /// (cpu, cuda, opencl, ilgpu-cpu; those missing are skipped unless named in
    /// <paramref name="devices"/>) runs the fused E-step once to
    /// warm up and times <paramref name="iterations"/> more under the true full-covariance model.
    /// </summary>
    /// <param name="count">N ≥ 1.</param>
    /// <param name="dimensions">D ≥ 1.</param>
    /// <param name="components">K ≥ 1.</param>
    /// <param name="iterations">Timed passes per backend, ≥ 1.</param>
    /// <param name="devices">The backends to time; null tries all four.</param>
    /// <param name="progress">Told, in one line each, as the data is drawn and each pass of
    /// each backend ends (large sizes take minutes); null for none.</param>
    /// <exception cref="InvalidOperationException">A backend named in
    /// <paramref name="devices"/> is not available here.</exception>
    public static IReadOnlyList<BenchmarkRow> Run(
        int count,
        int dimensions,
        int components,
        int iterations = 5,
        int seed = 0,
        IReadOnlyList<ComputeDevice>? devices = null,
        CancellationToken cancellationToken = default,
        Action<string>? progress = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(iterations);
        bool skipMissing = devices is null;
        SyntheticDataSet? set = null;
        KernelModel? model = null;
        var rows = new List<BenchmarkRow>();
        devices ??= [ComputeDevice.Cpu, ComputeDevice.Cuda, ComputeDevice.OpenCL,
            ComputeDevice.IlgpuCpu];
        foreach (ComputeDevice device in devices)
        {
            IComputeBackend backend;
            try
            {
                backend = ComputeBackends.Create(device);
            }
            catch (InvalidOperationException) when (skipMissing)
            {
                continue;
            }

            using (backend)
            {
                // Drawn once a backend exists, so that a missing one fails before the long work.
                if (set is null)
                {
                    progress?.Invoke(Text($"drawing {count} points, D={dimensions}, K={components}"));
                    set = SyntheticData.Generate(count, dimensions, components, seed);
                }

                model ??= MixtureKernelModel.Build(set.TrueModel.Parameters);
                using IDeviceDataset data = backend.Upload(set.Data, count, dimensions);
                var statistics = new SufficientStatistics(components, dimensions, model.Form);
                string name = device.ToString().ToLowerInvariant();
                var clock = Stopwatch.StartNew();
                backend.Accumulate(data, model, statistics, cancellationToken);
                progress?.Invoke(Text($"{name}: warm-up pass {clock.Elapsed.TotalSeconds:F1} s"));
                clock.Restart();
                for (int i = 0; i < iterations; i++)
                {
                    backend.Accumulate(data, model, statistics, cancellationToken);
                    progress?.Invoke(Text(
                        $"{name}: pass {i + 1} of {iterations}, {clock.Elapsed.TotalSeconds:F1} s"));
                }

                double seconds = clock.Elapsed.TotalSeconds / iterations;
                rows.Add(new BenchmarkRow(
                    device, backend.DeviceName, seconds * 1e3, count / seconds, double.NaN));
            }
        }

        double cpu = rows.FirstOrDefault(r => r.Device == ComputeDevice.Cpu)
            ?.MillisecondsPerIteration ?? double.NaN;
        return rows.Select(r => r with { RatioToCpu = cpu / r.MillisecondsPerIteration })
            .ToArray();
    }

    private static string Text(FormattableString text) =>
        text.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
