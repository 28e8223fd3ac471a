using GmmGpu.Backends;
using GmmGpu.Em;
using GmmGpu.Engine;
using GmmGpu.Numerics;

namespace GmmGpu;

public sealed partial class GaussianMixtureModel
{
    /// <summary>Most likely component of each point, shape (nSamples), values in [0, K).</summary>
    /// <param name="data">Shape (nSamples, D), row-major, finite.</param>
    /// <param name="backend">Where to compute; null uses a CPU backend for this call.</param>
    /// <remarks>scikit-learn: GaussianMixture.predict</remarks>
    public int[] Predict(ReadOnlyMemory<float> data, IComputeBackend? backend = null) =>
        OnDevice(data, backend, (b, device, model, exact, rows) =>
        {
            var labels = new int[device.Rows];
            b.Predict(device, model, labels);
            exact.FinishLabels(rows, labels);
            return labels;
        });

    /// <summary>Responsibilities of each component for each point, shape (nSamples, K).</summary>
    /// <remarks>scikit-learn: GaussianMixture.predict_proba</remarks>
    /// <inheritdoc cref="Predict"/>
    public double[] PredictProba(ReadOnlyMemory<float> data, IComputeBackend? backend = null) =>
        OnDevice(data, backend, (b, device, model, exact, rows) =>
        {
            var responsibilities = new double[device.Rows * Components];
            b.PredictProba(device, model, 0, (int)device.Rows, responsibilities);
            exact.FinishResponsibilities(rows, responsibilities);
            return responsibilities;
        });

    /// <summary>log p(x) of each point, shape (nSamples).</summary>
    /// <remarks>scikit-learn: GaussianMixture.score_samples</remarks>
    /// <inheritdoc cref="Predict"/>
    public double[] ScoreSamples(ReadOnlyMemory<float> data, IComputeBackend? backend = null) =>
        OnDevice(data, backend, ScoreSamples);

    /// <summary>Mean log-likelihood per point.</summary>
    /// <remarks>scikit-learn: GaussianMixture.score</remarks>
    /// <inheritdoc cref="Predict"/>
    public double Score(ReadOnlyMemory<float> data, IComputeBackend? backend = null) =>
        OnDevice(data, backend, (b, device, model, exact, rows) =>
        {
            var statistics = new SufficientStatistics(Components, Dimensions, model.Form);
            b.Accumulate(device, model, statistics, CancellationToken.None);
            double mean = statistics.LogLikelihood / device.Rows;
            if (!double.IsFinite(mean) || mean < -float.MaxValue / 2)
            {
                // A point beyond float32's reach: the mean of the float64-finished scores.
                mean = ScoreSamples(b, device, model, exact, rows).Average();
            }
            else
            {
                mean -= exact.LogJacobian;
            }

            return mean;
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

    private static double[] ScoreSamples(
        IComputeBackend backend,
        IDeviceDataset device,
        KernelModel model,
        ExactDensity exact,
        ReadOnlySpan<float> rows)
    {
        var logLikelihood = new double[device.Rows];
        backend.ScoreSamples(device, model, logLikelihood);
        exact.FinishScores(rows, logLikelihood);
        return logLikelihood;
    }

    /// <summary>
    /// Runs a per-point computation on the data in the internal units of
    /// <see cref="FeatureScaling.ForModel"/> (a copy of the data when they are not the user's).
    /// </summary>
    private T OnDevice<T>(
        ReadOnlyMemory<float> data, IComputeBackend? backend, PointsCompute<T> run)
    {
        long rows = DataValidation.Validate(data.Span, Dimensions, nameof(data));
        FeatureScaling scaling = FeatureScaling.ForModel(Parameters);
        ReadOnlyMemory<float> values = data;
        if (!scaling.IsIdentity)
        {
            var copy = new float[data.Length];
            scaling.ToInternal(data.Span, copy);
            int bad = Data.FiniteValues.IndexOfNonFinite<float>(copy);
            if (bad >= 0)
            {
                throw new ArgumentException(
                    $"The data at row {bad / Dimensions}, column {bad % Dimensions} "
                    + $"({data.Span[bad]}) lies beyond float32's range from the model's centre.",
                    nameof(data));
            }

            values = copy;
        }

        MixtureParameters parameters = scaling.ToInternal(Parameters);
        var exact = new ExactDensity(parameters, scaling.LogJacobian);
        IComputeBackend target = backend ?? ComputeBackends.Create(ComputeDevice.Cpu);
        try
        {
            using IDeviceDataset device = target.Upload(values, rows, Dimensions);
            return run(target, device, MixtureKernelModel.Build(parameters), exact, values.Span);
        }
        finally
        {
            if (backend is null)
            {
                target.Dispose();
            }
        }
    }

    private delegate T PointsCompute<T>(
        IComputeBackend backend,
        IDeviceDataset device,
        KernelModel model,
        ExactDensity exact,
        ReadOnlySpan<float> rows);
}
