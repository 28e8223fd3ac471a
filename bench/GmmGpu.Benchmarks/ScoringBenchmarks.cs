using BenchmarkDotNet.Attributes;
using GmmGpu.Engine;

namespace GmmGpu.Benchmarks;

/// <summary>Per-point scoring of resident data: log-likelihood and labels.</summary>
public class ScoringBenchmarks
{
    private Workload? workload;
    private double[] logLikelihood = [];
    private int[] labels = [];

    [ParamsSource(nameof(Cases))]
    public BenchCase Case { get; set; } = null!;

    public static IEnumerable<BenchCase> Cases => BenchCase.Sweep(
        [BenchSettings.Quick ? 100_000 : 1_000_000], [2, 8], [16], CovarianceType.Full);

    [GlobalSetup]
    public void Setup()
    {
        workload = new Workload(Case);
        logLikelihood = new double[Case.N];
        labels = new int[Case.N];
    }

    [Benchmark]
    public void ScoreSamples() => workload!.Backend.ScoreSamples(workload.Dataset, workload.Model, logLikelihood);

    [Benchmark]
    public void Predict() => workload!.Backend.Predict(workload.Dataset, workload.Model, labels);

    [GlobalCleanup]
    public void Cleanup() => workload?.Dispose();
}

/// <summary>The viewer's density grid: the mixture density at 512 × 512 points.</summary>
public class DensityGridBenchmarks
{
    private Workload? workload;
    private readonly float[] density = new float[512 * 512];

    [ParamsSource(nameof(Cases))]
    public BenchCase Case { get; set; } = null!;

    public static IEnumerable<BenchCase> Cases =>
        BenchCase.Sweep([1000], [2], [4, 16], CovarianceType.Full);

    [GlobalSetup]
    public void Setup() => workload = new Workload(Case);

    [Benchmark]
    public void DensityGrid() => workload!.Backend.EvaluateDensityGrid(
        workload.Model, new DensityGrid(512, 512, -12, 12, -12, 12), density);

    [GlobalCleanup]
    public void Cleanup() => workload?.Dispose();
}
