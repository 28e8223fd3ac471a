using BenchmarkDotNet.Attributes;

namespace GmmGpu.Benchmarks;

/// <summary>A whole fit through the public API: k-means++ start, then 10 EM iterations (tol 0).</summary>
public class FitBenchmarks
{
    private Workload? workload;
    private GaussianMixture? mixture;

    [ParamsSource(nameof(Cases))]
    public BenchCase Case { get; set; } = null!;

    public static IEnumerable<BenchCase> Cases => BenchCase.Sweep(
        [BenchSettings.Quick ? 100_000 : 1_000_000], [2, 8], [4, 16], CovarianceType.Full);

    [GlobalSetup]
    public void Setup()
    {
        workload = new Workload(Case);
        mixture = new GaussianMixture(
            new GaussianMixtureOptions
            {
                Components = Case.K, CovarianceType = Case.Type, Tolerance = 0, MaxIterations = 10,
                Seed = 1,
            },
            workload.Backend);
        Fit();
    }

    [Benchmark]
    public GaussianMixtureModel Fit() => mixture!.Fit(workload!.Data, Case.D);

    [GlobalCleanup]
    public void Cleanup()
    {
        mixture?.Dispose();
        workload?.Dispose();
    }
}
