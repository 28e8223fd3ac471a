using GmmGpu.Backends;
using GmmGpu.Covariance;
using GmmGpu.Em;
using GmmGpu.Engine;
using GmmGpu.TestData;

namespace GmmGpu.Benchmarks;

/// <summary>
/// A benchmark's inputs, made in [GlobalSetup] and freed in [GlobalCleanup]: the backend, seeded
/// data from a known mixture resident on it, and that mixture as the current parameters.
/// </summary>
public sealed class Workload : IDisposable
{
    public Workload(BenchCase benchCase)
    {
        Case = benchCase;
        Backend = ComputeBackends.Create(benchCase.Device);
        Parameters = TrueMixture(benchCase);
        Model = MixtureKernelModel.Build(Parameters);
        Data = SeededMixture.Points(7, Model, benchCase.N);
        Dataset = Backend.Upload(Data, benchCase.N, benchCase.D);
        Statistics = new SufficientStatistics(benchCase.K, benchCase.D, Model.Form);
    }

    public BenchCase Case { get; }

    public IComputeBackend Backend { get; }

    public MixtureParameters Parameters { get; }

    public float[] Data { get; }

    public IDeviceDataset Dataset { get; }

    public KernelModel Model { get; }

    public SufficientStatistics Statistics { get; }

    /// <summary>One EM iteration: the fused E-step pass, then the M-step on the host.</summary>
    public MixtureParameters EmIteration()
    {
        Backend.Accumulate(Dataset, Model, Statistics, CancellationToken.None);
        return MaximizationStep.Estimate(Statistics, Model, Case.Type, 1e-6);
    }

    public void Dispose()
    {
        Dataset.Dispose();
        Backend.Dispose();
    }

    /// <summary>K components with means in [−10, 10]^D, unit covariances, equal weights.</summary>
    internal static MixtureParameters TrueMixture(BenchCase c)
    {
        var random = new Random(42);
        var means = new double[c.K * c.D];
        for (int i = 0; i < means.Length; i++)
        {
            means[i] = (20 * random.NextDouble()) - 10;
        }

        var full = new double[c.K * c.D * c.D];
        for (int k = 0; k < c.K; k++)
        {
            for (int j = 0; j < c.D; j++)
            {
                full[(k * c.D * c.D) + (j * c.D) + j] = 1;
            }
        }

        double[] covariances = CovarianceModels.For(c.Type).FromFull(full, c.K, c.D);
        return new MixtureParameters(
            c.Type, c.K, c.D, Enumerable.Repeat(1.0 / c.K, c.K).ToArray(), means, covariances);
    }
}
