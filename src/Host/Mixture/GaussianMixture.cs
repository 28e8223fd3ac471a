using GmmGpu.Backends;
using GmmGpu.Data;
using GmmGpu.Distributed;
using GmmGpu.Em;
using GmmGpu.Engine;
using GmmGpu.Numerics;
using GmmGpu.Passes;

namespace GmmGpu;

/// <summary>
/// The estimator: fits a Gaussian mixture with EM on the chosen device (or several devices,
/// or several processes). Create once and reuse: the device and its compiled kernels are set
/// up on first use and kept until Dispose.
/// </summary>
/// <remarks>scikit-learn: sklearn.mixture.GaussianMixture</remarks>
public sealed class GaussianMixture : IDisposable
{
    private readonly bool ownsBackend;
    private IReadOnlyList<IComputeBackend>? backends;

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
        : this(options, [backend])
    {
    }

    /// <summary>
    /// Creates an estimator that spreads the data over <paramref name="backends"/> (owned and
    /// disposed by the caller) and, with a <paramref name="communicator"/> of several processes,
    /// sums the statistics of every process: each passes its own rows to Fit.
    /// </summary>
    /// <param name="options">The settings of every fit.</param>
    /// <param name="backends">One or more devices; chunks go to them in turn.</param>
    /// <param name="communicator">The processes of the fit; null is this process alone.</param>
    public GaussianMixture(
        GaussianMixtureOptions options,
        IReadOnlyList<IComputeBackend> backends,
        ICommunicator? communicator = null)
        : this(options)
    {
        ArgumentNullException.ThrowIfNull(backends);
        if (backends.Count == 0 || backends.Any(b => b is null))
        {
            throw new ArgumentException(
                "Give at least one backend, and no null.", nameof(backends));
        }

        this.backends = backends;
        Communicator = communicator ?? SingleProcessCommunicator.Instance;
        ownsBackend = false;
    }

    /// <summary>The settings of every fit.</summary>
    public GaussianMixtureOptions Options { get; }

    /// <summary>
    /// The processes of every fit: this one alone unless a communicator was given.
    /// </summary>
    public ICommunicator Communicator { get; } = SingleProcessCommunicator.Instance;

    /// <summary>The (first) backend the passes run on (created on first use).</summary>
    public IComputeBackend Backend => Backends[0];

    /// <summary>Every backend the chunks are spread over (created on first use).</summary>
    public IReadOnlyList<IComputeBackend> Backends =>
        backends ??= [ComputeBackends.Create(Options.Device, Options.MaxDegreeOfParallelism)];

    /// <summary>The model of the last successful fit.</summary>
    public GaussianMixtureModel? Model { get; private set; }

    /// <summary>Fits the mixture to float32 data.</summary>
    /// <param name="data">Shape (nSamples, nFeatures), row-major; finite; nSamples ≥ K.</param>
    /// <param name="features">nFeatures ≥ 1.</param>
    /// <param name="progress">
    /// Receives a snapshot after every EM iteration (on the fitting thread).
    /// </param>
    /// <param name="cancellationToken">Stops the fit between passes.</param>
    /// <exception cref="ArgumentException">
    /// The data has the wrong shape or a non-finite value.
    /// </exception>
    /// <exception cref="DegenerateComponentException">
    /// A component collapsed; see the message.
    /// </exception>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    /// <remarks>scikit-learn: GaussianMixture.fit</remarks>
    public GaussianMixtureModel Fit(
        ReadOnlyMemory<float> data,
        int features,
        IProgress<IterationSnapshot>? progress = null,
        CancellationToken cancellationToken = default)
    {
        DataValidation.Validate(data.Span, features, "data");
        using var source = new MemoryRowSource(data, features) { Checked = true };
        return FitRows(source, progress, cancellationToken);
    }

    /// <summary>Fits the mixture to float64 data (converted to float32 once).</summary>
    /// <inheritdoc
    ///     cref="Fit(ReadOnlyMemory{float}, int, IProgress{IterationSnapshot}?,
    ///     CancellationToken)"/>
    public GaussianMixtureModel Fit(
        ReadOnlySpan<double> data,
        int features,
        IProgress<IterationSnapshot>? progress = null,
        CancellationToken cancellationToken = default)
    {
        DataValidation.Validate(data, features, "data");

        // Shifted and scaled in float64 before the values become float32.
        FeatureSummary summary = FeatureSummary.Compute(data, features);
        var values = new float[data.Length];
        summary.Scaling.ToInternal(data, values);
        using var source = new MemoryRowSource(values, features) { Checked = true };
        using DataPasses passes = Plan(source);
        return FitOn(passes, summary, progress, cancellationToken);
    }

    /// <summary>
    /// Fits the mixture to rows read a chunk at a time: data larger than a device's memory
    /// (or the host's) streams through the devices every pass, per
    /// <see cref="GaussianMixtureOptions.ChunkRows"/> and
    /// <see cref="GaussianMixtureOptions.MaxDeviceMemory"/>. With several processes, each
    /// passes its own share of the rows; the model is the same on every process.
    /// </summary>
    /// <param name="data">
    /// This process's rows; a file source checks each value as it reads it.
    /// </param>
    /// <param name="progress">
    /// Receives a snapshot after every EM iteration (on the fitting thread).
    /// </param>
    /// <param name="cancellationToken">Stops the fit between chunks.</param>
    /// <exception cref="DataFormatException">A value of a file is not a finite number.</exception>
    /// <exception cref="RankFailedException">A process of a distributed fit failed.</exception>
    /// <inheritdoc
    ///     cref="Fit(ReadOnlyMemory{float}, int, IProgress{IterationSnapshot}?,
    ///     CancellationToken)"/>
    public GaussianMixtureModel Fit(
        IRowSource data,
        IProgress<IterationSnapshot>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(data);
        return FitRows(data, progress, cancellationToken);
    }

    /// <summary>
    /// The mean log-likelihood of every row (of every process) under <paramref name="model"/>:
    /// one more pass over the data, chunked as the fit was.
    /// </summary>
    /// <param name="model">A model with the data's number of features.</param>
    /// <param name="data">This process's rows.</param>
    /// <param name="cancellationToken">Stops the pass between chunks.</param>
    /// <remarks>scikit-learn: GaussianMixture.score</remarks>
    public double Score(
        GaussianMixtureModel model, IRowSource data, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(data);
        DataValidation.CheckFeatures(data.Columns, model.Dimensions);
        FeatureScaling scaling = FeatureScaling.ForModel(model.Parameters);
        using var scaled = new ScaledRowSource(data, scaling);
        using DataPasses passes = Plan(scaled);
        return ScoreOn(passes, model, scaling, cancellationToken);
    }

    /// <summary>
    /// Fits, then scores the data under the fitted model over the same passes, so resident
    /// data is read once: the model, the fit's time (the score's pass not in it), its mean
    /// log-likelihood and N over every process.
    /// </summary>
    internal (GaussianMixtureModel Model, TimeSpan FitTime, double Score, long Rows) FitAndScore(
        IRowSource data, IProgress<IterationSnapshot>? progress, CancellationToken cancellationToken)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        FeatureSummary summary =
            FeatureSummary.Compute(data, Communicator, Options.ChunkRows, cancellationToken);
        using var scaled = new ScaledRowSource(data, summary.Scaling);
        using DataPasses passes = Plan(scaled);
        GaussianMixtureModel model = FitOn(passes, summary, progress, cancellationToken);
        TimeSpan fitTime = clock.Elapsed;
        double score = ScoreOn(passes, model, summary.Scaling, cancellationToken);
        return (model, fitTime, score, passes.Rows);
    }

    /// <summary>
    /// Fits, then labels each point with its most likely component, shape (nSamples).
    /// </summary>
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
            foreach (IComputeBackend backend in backends ?? [])
            {
                backend.Dispose();
            }
        }

        backends = null;
    }

    /// <summary>
    /// Fits to rows in the user's units: one float64 pass summarises them, then the passes
    /// read them shifted and scaled per <see cref="FeatureSummary.Scaling"/>.
    /// </summary>
    private GaussianMixtureModel FitRows(
        IRowSource source,
        IProgress<IterationSnapshot>? progress,
        CancellationToken cancellationToken)
    {
        FeatureSummary summary =
            FeatureSummary.Compute(source, Communicator, Options.ChunkRows, cancellationToken);
        using var scaled = new ScaledRowSource(source, summary.Scaling);
        using DataPasses passes = Plan(scaled);
        return FitOn(passes, summary, progress, cancellationToken);
    }

    private DataPasses Plan(IRowSource source) =>
        DataPasses.Create(source, Backends, Communicator, Options.ChunkRows, Options.MaxDeviceMemory);

    /// <summary>
    /// EM on passes whose rows are in the internal units of the summary's scaling: the options
    /// and starting parameters go in through it, the model comes back in the user's units.
    /// </summary>
    private GaussianMixtureModel FitOn(
        DataPasses passes,
        FeatureSummary summary,
        IProgress<IterationSnapshot>? progress,
        CancellationToken cancellationToken)
    {
        int features = passes.Columns;
        MixtureParameters? warmStart = Options.WarmStart ? Model?.Parameters : null;
        MixtureParameters? start = warmStart ?? Options.InitialParameters;
        if (start is not null && start.Dimensions != features)
        {
            throw new ArgumentException(
                $"The data has {features} features but the starting parameters have "
                + $"{start.Dimensions}.",
                "data");
        }

        if (passes.Rows < Options.Components)
        {
            throw new ArgumentException(
                $"There are {passes.Rows} points but {Options.Components} components: need at "
                + "least one point per component. Use fewer components or more data.",
                "data");
        }

        FeatureScaling scaling = summary.Scaling;
        GaussianMixtureOptions options = Options with
        {
            RegCovar = scaling.RegCovarToInternal(Options.RegCovar),
            InitialParameters = Options.InitialParameters is { } given
                ? scaling.ToInternal(given)
                : null,
        };
        var userProgress = progress is null ? null : new UserUnitsProgress(progress, scaling);
        FitResult result;
        try
        {
            result = new EmDriver(passes, options).Fit(
                warmStart is null ? null : scaling.ToInternal(warmStart),
                userProgress,
                cancellationToken);
        }
        catch (DegenerateComponentException error) when (!scaling.IsIdentity)
        {
            // The message names reg_covar as the user gave it, not in the internal units.
            throw new DegenerateComponentException(error.Component, Options.RegCovar);
        }

        string? warning = summary.RegCovarWarning(Options.RegCovar);
        Model = new GaussianMixtureModel(
            scaling.ToUser(result.Parameters),
            result.Converged,
            result.Iterations,
            result.LowerBound - scaling.LogJacobian,
            result.History
                .Select(record => UserUnitsProgress.ToUser(record, scaling, passes.Rows))
                .ToArray())
        {
            Warnings = warning is null ? [] : [warning],
        };
        return Model;
    }

    /// <summary>Mean log-likelihood of every row under <paramref name="model"/>: one pass.</summary>
    /// <remarks>The passes' rows are in the internal units of <paramref name="scaling"/>.</remarks>
    private static double ScoreOn(
        DataPasses passes,
        GaussianMixtureModel model,
        FeatureScaling scaling,
        CancellationToken cancellationToken)
    {
        KernelModel kernelModel = MixtureKernelModel.Build(scaling.ToInternal(model.Parameters));
        var statistics = new SufficientStatistics(
            model.Components, model.Dimensions, kernelModel.Form);
        passes.Accumulate(kernelModel, statistics, cancellationToken);
        return (statistics.LogLikelihood / passes.Rows) - scaling.LogJacobian;
    }
}
