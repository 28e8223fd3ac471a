using System.Diagnostics;
using GmmGpu.UseCases;

namespace GmmGpu.Cli.Features;

/// <summary>What <see cref="Demo.Run"/> did.</summary>
/// <param name="TrueModel">The mixture the data came from.</param>
/// <param name="Model">The fitted mixture.</param>
/// <param name="Matches">Each true component paired with a fitted one.</param>
/// <param name="Samples">Number of points N.</param>
/// <param name="Seconds">Wall time of the fit.</param>
/// <param name="SecondsPerIteration">Fit time / iterations.</param>
/// <param name="DeviceName">The accelerator that ran the fit.</param>
/// <param name="Device">The backend that ran the fit.</param>
/// <param name="Data">The generated points, shape (Samples, 2), row-major.</param>
public sealed record DemoResult(
    GaussianMixtureModel TrueModel,
    GaussianMixtureModel Model,
    IReadOnlyList<ComponentMatch> Matches,
    long Samples,
    double Seconds,
    double SecondsPerIteration,
    string DeviceName,
    ComputeDevice Device,
    float[] Data);

/// <summary>
/// <c>gmm demo</c>: 2-D points from a 5-component mixture with rotated unequal covariances,
/// fitted from the original project's start (<see cref="InitMethod.Uniform"/>), then compared
/// with the truth.
/// </summary>
public static class Demo
{
    /// <summary>Components of the demo mixture.</summary>
    public const int Components = 5;

    /// <summary>
    /// Generates <paramref name="count"/> points, fits a full-covariance mixture from uniform
    /// means and identity covariances, and matches the fitted components to the true ones.
    /// </summary>
    /// <param name="count">N ≥ <see cref="Components"/> (the demo uses 1,000,000).</param>
    /// <param name="seed">Seed of the data and the start.</param>
    /// <param name="device">Where the fit runs.</param>
    /// <param name="progress">Receives every EM iteration.</param>
    public static DemoResult Run(
        int count,
        int seed,
        ComputeDevice device,
        IProgress<IterationSnapshot>? progress = null,
        CancellationToken cancellationToken = default) =>
        Fit(Generate(count, seed), seed, device, progress, cancellationToken);

    /// <summary>The demo's data: <paramref name="count"/> 2-D points and their true mixture.</summary>
    public static SyntheticDataSet Generate(int count, int seed) =>
        SyntheticData.Generate(count, 2, Components, seed);

    /// <summary>Fits the demo's mixture to <paramref name="set"/> and compares it with the truth.</summary>
    /// <inheritdoc cref="Run"/>
    public static DemoResult Fit(
        SyntheticDataSet set,
        int seed,
        ComputeDevice device,
        IProgress<IterationSnapshot>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(set);
        int count = set.Labels.Length;
        var options = new GaussianMixtureOptions
        {
            Components = Components,
            CovarianceType = CovarianceType.Full,
            Init = InitMethod.Uniform,
            MaxIterations = 500,
            Tolerance = 1e-6,
            Seed = seed,
            Device = device,
        };
        using var mixture = new GaussianMixture(options);
        var clock = Stopwatch.StartNew();
        GaussianMixtureModel model = mixture.Fit(set.Data, 2, progress, cancellationToken);
        double seconds = clock.Elapsed.TotalSeconds;
        return new DemoResult(
            set.TrueModel,
            model,
            ComponentMatching.Match(set.TrueModel, model),
            count,
            seconds,
            seconds / Math.Max(1, model.Iterations),
            mixture.Backend.DeviceName,
            mixture.Backend.Device,
            set.Data);
    }
}
