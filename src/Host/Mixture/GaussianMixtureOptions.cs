namespace GmmGpu;

/// <summary>Settings of a fit; names and defaults follow scikit-learn's GaussianMixture.</summary>
public sealed record GaussianMixtureOptions
{
    /// <summary>Number of components K, ≥ 1.</summary>
    /// <remarks>scikit-learn: n_components</remarks>
    public int Components { get; init; } = 1;

    /// <summary>The form of each component's covariance.</summary>
    /// <remarks>scikit-learn: covariance_type</remarks>
    public CovarianceType CovarianceType { get; init; } = CovarianceType.Full;

    /// <summary>Stop when the mean log-likelihood per point changes by less than this, ≥ 0.</summary>
    /// <remarks>scikit-learn: tol</remarks>
    public double Tolerance { get; init; } = 1e-3;

    /// <summary>Most EM iterations per initialisation, ≥ 1.</summary>
    /// <remarks>scikit-learn: max_iter</remarks>
    public int MaxIterations { get; init; } = 100;

    /// <summary>Added to the diagonal of every covariance, ≥ 0.</summary>
    /// <remarks>scikit-learn: reg_covar</remarks>
    public double RegCovar { get; init; } = 1e-6;

    /// <summary>How starting parameters are chosen when <see cref="InitialParameters"/> is null.</summary>
    /// <remarks>scikit-learn: init_params</remarks>
    public InitMethod Init { get; init; } = InitMethod.KMeansPlusPlus;

    /// <summary>
    /// Start exactly from these parameters (no other initialisation runs); their covariance
    /// type, K and D must match.
    /// </summary>
    /// <remarks>scikit-learn: weights_init, means_init, precisions_init</remarks>
    public MixtureParameters? InitialParameters { get; init; }

    /// <summary>Number of initialisations, ≥ 1; the best by log-likelihood is kept.</summary>
    /// <remarks>scikit-learn: n_init</remarks>
    public int NInit { get; init; } = 1;

    /// <summary>Seed of every random choice; null draws one.</summary>
    /// <remarks>scikit-learn: random_state</remarks>
    public int? Seed { get; init; }

    /// <summary>A second Fit on the same estimator starts from the previous result.</summary>
    /// <remarks>scikit-learn: warm_start</remarks>
    public bool WarmStart { get; init; }

    /// <summary>Where the passes over the data run.</summary>
    public ComputeDevice Device { get; init; } = ComputeDevice.Auto;

    /// <summary>When EM stops before <see cref="MaxIterations"/>.</summary>
    public StopRule StopRule { get; init; } = StopRule.LogLikelihood;

    /// <summary>Threads of the <see cref="ComputeDevice.Cpu"/> backend; null uses every core.</summary>
    public int? MaxDegreeOfParallelism { get; init; }

    /// <summary>
    /// Rows per chunk of the passes, ≥ 1; null chooses: the whole data (or each device's share)
    /// when it fits the memory budget, else the largest chunk of which two fit. A fixed chunk
    /// size gives bit-identical sums whether the chunks are resident or streamed.
    /// </summary>
    public int? ChunkRows { get; init; }

    /// <summary>
    /// Bytes of data each device may hold, ≥ 1; null is half the device's memory (the host's
    /// available memory on the CPU). Data larger than this streams through the device in chunks.
    /// </summary>
    public long? MaxDeviceMemory { get; init; }

    internal void Validate()
    {
        if (ChunkRows is < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(ChunkRows), ChunkRows, "Must be ≥ 1 or null.");
        }

        if (MaxDeviceMemory is < 1)
        {
            throw new ArgumentOutOfRangeException(
                nameof(MaxDeviceMemory), MaxDeviceMemory, "Must be ≥ 1 byte or null.");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(Components, 1, nameof(Components));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxIterations, 1, nameof(MaxIterations));
        ArgumentOutOfRangeException.ThrowIfLessThan(NInit, 1, nameof(NInit));
        if (!(Tolerance >= 0) || double.IsInfinity(Tolerance))
        {
            throw new ArgumentOutOfRangeException(
                nameof(Tolerance), Tolerance, "Tolerance must be a finite number ≥ 0.");
        }

        if (!(RegCovar >= 0) || double.IsInfinity(RegCovar))
        {
            throw new ArgumentOutOfRangeException(
                nameof(RegCovar), RegCovar, "RegCovar must be a finite number ≥ 0, e.g. 1e-6.");
        }

        if (MaxDegreeOfParallelism is < 1)
        {
            throw new ArgumentOutOfRangeException(
                nameof(MaxDegreeOfParallelism), MaxDegreeOfParallelism, "Must be ≥ 1 or null.");
        }

        if (InitialParameters is { } start
            && (start.CovarianceType != CovarianceType || start.Components != Components))
        {
            throw new ArgumentException(
                $"InitialParameters are {start.CovarianceType} with K={start.Components}, but the "
                + $"options ask for {CovarianceType} with K={Components}.",
                nameof(InitialParameters));
        }
    }
}
