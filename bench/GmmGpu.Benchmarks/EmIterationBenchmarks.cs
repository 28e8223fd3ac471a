using BenchmarkDotNet.Attributes;

namespace GmmGpu.Benchmarks;

/// <summary>One EM iteration (fused E-step + statistics + M-step) over the N × D × K sweep.</summary>
public class EmIterationBenchmarks
{
    private Workload? workload;

    [ParamsSource(nameof(Cases))]
    public BenchCase Case { get; set; } = null!;

    public static IEnumerable<BenchCase> Cases =>
        BenchSettings.Plot ? BenchCase.Sweep(
            [10_000, 100_000, 1_000_000, 10_000_000], [2], [4], CovarianceType.Full)
        : BenchSettings.Quick ? BenchCase.Sweep([100_000, 1_000_000], [2, 8], [5, 16], CovarianceType.Full)
        : BenchCase.Sweep(
            [10_000, 100_000, 1_000_000, 10_000_000], [2, 8, 32], [4, 16, 64], CovarianceType.Full);

    [GlobalSetup]
    public void Setup()
    {
        workload = new Workload(Case);
        workload.EmIteration();
    }

    [Benchmark]
    public MixtureParameters EmIteration() => workload!.EmIteration();

    [GlobalCleanup]
    public void Cleanup() => workload?.Dispose();
}
