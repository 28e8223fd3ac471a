namespace GmmGpu.Engine;

/// <summary>
/// The per-point passes of EM, scoring, k-means initialisation and density grids, on one
/// accelerator. Implementations check nothing: the GaussianMixture API validates at the
/// public edge. Every method that returns sums is deterministic: the same inputs give
/// bit-identical results on the same backend, whatever the thread count.
/// </summary>
public interface IComputeBackend : IDisposable
{
    /// <summary>Which backend this is.</summary>
    ComputeDevice Device { get; }

    /// <summary>The accelerator's name, e.g. "NVIDIA H100 80GB HBM3" or the CPU model.</summary>
    string DeviceName { get; }

    /// <summary>
    /// Memory the data may use on this accelerator, in bytes: the GPU's memory, or the host's
    /// available memory on CPU backends.
    /// </summary>
    long MemoryBytes { get; }

    /// <summary>Makes data of shape (rows, columns), row-major, resident on this backend.</summary>
    /// <remarks>The CPU backend keeps a reference to <paramref name="data"/> without copying.</remarks>
    IDeviceDataset Upload(ReadOnlyMemory<float> data, long rows, int columns);

    /// <summary>
    /// The fused E-step: for each point, responsibilities under <paramref name="model"/>, added
    /// into the sums of <paramref name="statistics"/> (which the call clears first).
    /// </summary>
    void Accumulate(
        IDeviceDataset data,
        KernelModel model,
        SufficientStatistics statistics,
        CancellationToken cancellationToken);

    /// <summary>Per-point log p(x_i), shape (N).</summary>
    void ScoreSamples(IDeviceDataset data, KernelModel model, Span<double> logLikelihood);

    /// <summary>
    /// Per-point argmax_k of the weighted log-density, shape (N); −1 for a point whose
    /// log-densities all overflow float32 (the caller recomputes it in float64).
    /// </summary>
    void Predict(IDeviceDataset data, KernelModel model, Span<int> labels);

    /// <summary>Responsibilities of points [start, start+count), shape (count, K), row-major.</summary>
    void PredictProba(
        IDeviceDataset data,
        KernelModel model,
        long start,
        int count,
        Span<double> responsibilities);

    /// <summary>
    /// k-means++ step: draws one point with probability proportional to its squared distance
    /// to the nearest of the given centres, D(x)² = min_j |x − c_j|², in one pass and without
    /// per-point state (exponential keys: the point with the smallest −ln(u_i)/D(x_i)² wins,
    /// u_i a counter-based uniform of (seed, i)). Returns the winning row and its key, or
    /// <see cref="SampleCandidate.None"/> when every D(x)² is 0.
    /// </summary>
    /// <param name="centres">Shape (count, D), row-major.</param>
    SampleCandidate SampleByMinSquaredDistance(
        IDeviceDataset data, ReadOnlySpan<float> centres, int count, ulong seed);

    /// <summary>
    /// One Lloyd step: assigns each point to its nearest centre and sums per centre.
    /// Returns the inertia Σ_i min_k |x_i − c_k|².
    /// </summary>
    /// <param name="centres">Shape (K, D), row-major.</param>
    /// <param name="counts">Shape (K), overwritten with the points per centre.</param>
    /// <param name="sums">Shape (K, D), overwritten with Σ x over each centre's points.</param>
    double LloydStep(
        IDeviceDataset data,
        ReadOnlySpan<float> centres,
        int components,
        Span<double> counts,
        Span<double> sums);

    /// <summary>Mixture density p(x) (not its log) at each grid point, shape (Height, Width).</summary>
    void EvaluateDensityGrid(KernelModel model, DensityGrid grid, Span<float> density);
}
