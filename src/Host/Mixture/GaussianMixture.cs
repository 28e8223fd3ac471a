using GmmGpu.Backends;
using GmmGpu.Em;
using GmmGpu.Engine;

namespace GmmGpu;

/// <summary>
/// The estimator: fits a Gaussian mixture with EM on the chosen device. Create once and reuse:
/// the device and its compiled kernels are set up on first use and kept until Dispose.
/// </summary>
/// <remarks>scikit-learn: sklearn.mixture.GaussianMixture</remarks>
public sealed class GaussianMixture : IDisposable
{
    private readonly bool ownsBackend;
    private IComputeBackend? backend;

    /// <summary>Creates an estimator; validates the options.</summary>
    /// <exception cref="ArgumentException">An option is out of range.</exception>
    public GaussianMixture(GaussianMixtureOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        Options = options;
        ownsBackend = true;
    }

    /// <summary>Creates an estimator on a backend the caller owns (and disposes).</summary>
    public GaussianMixture(GaussianMixtureOptions options, IComputeBackend backend)
        : this(options)
    {
        ArgumentNullException.ThrowIfNull(backend);
        this.backend = backend;
        ownsBackend = false;
    }

    /// <summary>The settings of every fit.</summary>
    public GaussianMixtureOptions Options { get; }

    /// <summary>The backend the passes run on (created on first use).</summary>
    public IComputeBackend Backend =>
        backend ??= ComputeBackends.Create(Options.Device, Options.MaxDegreeOfParallelism);

    /// <summary>The model of the last successful <see cref="Fit(ReadOnlyMemory{float}, int, IProgress{IterationSnapshot}?, CancellationToken)"/>.</summary>
    public GaussianMixtureModel? Model { get; private set; }

    /// <summary>Fits the mixture to float32 data.</summary>
    /// <param name="data">Shape (nSamples, nFeatures), row-major; finite; nSamples ≥ K.</param>
    /// <param name="features">nFeatures ≥ 1.</param>
    /// <param name="progress">Receives a snapshot after every EM iteration (on the fitting thread).</param>
    /// <exception cref="ArgumentException">The data has the wrong shape or a non-finite value.</exception>
    /// <exception cref="DegenerateComponentException">A component collapsed; see the message.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    /// <remarks>scikit-learn: GaussianMixture.fit</remarks>
    public GaussianMixtureModel Fit(
        ReadOnlyMemory<float> data,
        int features,
        IProgress<IterationSnapshot>? progress = null,
        CancellationToken cancellationToken = default)
    {
        long rows = DataValidation.Validate(data.Span, features, "data");
        if (rows < Options.Components)
        {
            throw new ArgumentException(
                $"There are {rows} points but {Options.Components} components: need at least one "
                + "point per component. Use fewer components or more data.",
                nameof(data));
        }

        MixtureParameters? warmStart = Options.WarmStart ? Model?.Parameters : null;
        MixtureParameters? start = warmStart ?? Options.InitialParameters;
        if (start is not null && start.Dimensions != features)
        {
            throw new ArgumentException(
                $"The data has {features} features but the starting parameters have "
                + $"{start.Dimensions}.",
                nameof(data));
        }

        using IDeviceDataset device = Backend.Upload(data, rows, features);
        FitResult result = new EmDriver(Backend, Options)
            .Fit(device, data, warmStart, progress, cancellationToken);
        Model = new GaussianMixtureModel(
            result.Parameters, result.Converged, result.Iterations, result.LowerBound, result.History);
        return Model;
    }

    /// <summary>Fits the mixture to float64 data (converted to float32 once).</summary>
    /// <inheritdoc cref="Fit(ReadOnlyMemory{float}, int, IProgress{IterationSnapshot}?, CancellationToken)"/>
    public GaussianMixtureModel Fit(
        ReadOnlySpan<double> data,
        int features,
        IProgress<IterationSnapshot>? progress = null,
        CancellationToken cancellationToken = default) =>
        Fit(DataValidation.ToSingle(data), features, progress, cancellationToken);

    /// <summary>Fits, then labels each point with its most likely component, shape (nSamples).</summary>
    /// <remarks>scikit-learn: GaussianMixture.fit_predict</remarks>
    public int[] FitPredict(
        ReadOnlyMemory<float> data,
        int features,
        IProgress<IterationSnapshot>? progress = null,
        CancellationToken cancellationToken = default) =>
        Fit(data, features, progress, cancellationToken).Predict(data, Backend);

    /// <inheritdoc/>
    public void Dispose()
    {
        if (ownsBackend)
        {
            backend?.Dispose();
        }

        backend = null;
    }
}
