using GmmGpu.Backends;
using GmmGpu.Em;
using GmmGpu.Engine;

namespace GmmGpu;

public sealed partial class GaussianMixtureModel
{
    /// <summary>Most likely component of each point, shape (nSamples), values in [0, K).</summary>
    /// <param name="data">Shape (nSamples, D), row-major, finite.</param>
    /// <param name="backend">Where to compute; null uses a CPU backend for this call.</param>
    /// <remarks>scikit-learn: GaussianMixture.predict</remarks>
    public int[] Predict(ReadOnlyMemory<float> data, IComputeBackend? backend = null) =>
        OnDevice(data, backend, (b, device, model) =>
        {
            var labels = new int[device.Rows];
            b.Predict(device, model, labels);
            return labels;
        });

    /// <summary>Responsibilities of each component for each point, shape (nSamples, K).</summary>
    /// <remarks>scikit-learn: GaussianMixture.predict_proba</remarks>
    /// <inheritdoc cref="Predict"/>
    public double[] PredictProba(ReadOnlyMemory<float> data, IComputeBackend? backend = null) =>
        OnDevice(data, backend, (b, device, model) =>
        {
            var responsibilities = new double[device.Rows * Components];
            b.PredictProba(device, model, 0, (int)device.Rows, responsibilities);
            return responsibilities;
        });

    /// <summary>log p(x) of each point, shape (nSamples).</summary>
    /// <remarks>scikit-learn: GaussianMixture.score_samples</remarks>
    /// <inheritdoc cref="Predict"/>
    public double[] ScoreSamples(ReadOnlyMemory<float> data, IComputeBackend? backend = null) =>
        OnDevice(data, backend, (b, device, model) =>
        {
            var logLikelihood = new double[device.Rows];
            b.ScoreSamples(device, model, logLikelihood);
            return logLikelihood;
        });

    /// <summary>Mean log-likelihood per point.</summary>
    /// <remarks>scikit-learn: GaussianMixture.score</remarks>
    /// <inheritdoc cref="Predict"/>
    public double Score(ReadOnlyMemory<float> data, IComputeBackend? backend = null) =>
        OnDevice(data, backend, (b, device, model) =>
        {
            var statistics = new SufficientStatistics(Components, Dimensions, model.Form);
            b.Accumulate(device, model, statistics, CancellationToken.None);
            return statistics.LogLikelihood / device.Rows;
        });

    /// <summary>Bayesian information criterion on the data: −2·log L + p·ln N (lower is better).</summary>
    /// <remarks>scikit-learn: GaussianMixture.bic</remarks>
    /// <inheritdoc cref="Predict"/>
    public double Bic(ReadOnlyMemory<float> data, IComputeBackend? backend = null)
    {
        long n = data.Length / Dimensions;
        return (-2 * Score(data, backend) * n) + (Parameters.ParameterCount * Math.Log(n));
    }

    /// <summary>Akaike information criterion on the data: −2·log L + 2p (lower is better).</summary>
    /// <remarks>scikit-learn: GaussianMixture.aic</remarks>
    /// <inheritdoc cref="Predict"/>
    public double Aic(ReadOnlyMemory<float> data, IComputeBackend? backend = null)
    {
        long n = data.Length / Dimensions;
        return (-2 * Score(data, backend) * n) + (2.0 * Parameters.ParameterCount);
    }

    private T OnDevice<T>(
        ReadOnlyMemory<float> data,
        IComputeBackend? backend,
        Func<IComputeBackend, IDeviceDataset, KernelModel, T> run)
    {
        long rows = DataValidation.Validate(data.Span, Dimensions, nameof(data));
        IComputeBackend target = backend ?? ComputeBackends.Create(ComputeDevice.Cpu);
        try
        {
            using IDeviceDataset device = target.Upload(data, rows, Dimensions);
            return run(target, device, MixtureKernelModel.Build(Parameters));
        }
        finally
        {
            if (backend is null)
            {
                target.Dispose();
            }
        }
    }
}
