using BenchmarkDotNet.Attributes;

namespace GmmGpu.Benchmarks;

/// <summary>One EM iteration for each covariance type at one size.</summary>
public class CovarianceTypeBenchmarks
{
    private Workload? workload;

    [ParamsSource(nameof(Cases))]
    public BenchCase Case { get; set; } = null!;

    public static IEnumerable<BenchCase> Cases =>
        Enum.GetValues<CovarianceType>().SelectMany(type => BenchCase.Sweep(
            [BenchSettings.Quick ? 100_000 : 1_000_000], [8], [16], type));

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
