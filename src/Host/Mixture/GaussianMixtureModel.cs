namespace GmmGpu;

/// <summary>
/// A fitted (or loaded) Gaussian mixture: its parameters, how the fit went, and the methods that
/// use it on data (scoring and sampling live in the partial files beside this one).
/// </summary>
public sealed partial class GaussianMixtureModel
{
    internal GaussianMixtureModel(
        MixtureParameters parameters,
        bool converged,
        int iterations,
        double lowerBound,
        IReadOnlyList<IterationRecord> history)
    {
        Parameters = parameters;
        Converged = converged;
        Iterations = iterations;
        LowerBound = lowerBound;
        History = history;
    }

    /// <summary>A model from given parameters, e.g. the true mixture of generated data.</summary>
    public static GaussianMixtureModel FromParameters(MixtureParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        return new GaussianMixtureModel(parameters, false, 0, double.NaN, []);
    }

    /// <summary>The mixture's parameters.</summary>
    public MixtureParameters Parameters { get; }

    /// <summary>The form of the covariances.</summary>
    public CovarianceType CovarianceType => Parameters.CovarianceType;

    /// <summary>Number of components K.</summary>
    public int Components => Parameters.Components;

    /// <summary>Number of features D.</summary>
    public int Dimensions => Parameters.Dimensions;

    /// <summary>Mixing weights, shape (K).</summary>
    /// <remarks>scikit-learn: weights_</remarks>
    public IReadOnlyList<double> Weights => Parameters.Weights;

    /// <summary>Component means, shape (K, D), row-major.</summary>
    /// <remarks>scikit-learn: means_</remarks>
    public IReadOnlyList<double> Means => Parameters.Means;

    /// <summary>Covariances in scikit-learn's shape for the covariance type.</summary>
    /// <remarks>scikit-learn: covariances_</remarks>
    public IReadOnlyList<double> Covariances => Parameters.Covariances;

    /// <summary>Precision Cholesky factors, same shape as the covariances.</summary>
    /// <remarks>scikit-learn: precisions_cholesky_</remarks>
    public IReadOnlyList<double> PrecisionsCholesky => Parameters.PrecisionsCholesky;

    /// <summary>Whether the best run met its stop rule before the iteration limit.</summary>
    /// <remarks>scikit-learn: converged_</remarks>
    public bool Converged { get; }

    /// <summary>EM iterations of the best run.</summary>
    /// <remarks>scikit-learn: n_iter_</remarks>
    public int Iterations { get; }

    /// <summary>Mean log-likelihood per point at the best run's last E-step.</summary>
    /// <remarks>scikit-learn: lower_bound_</remarks>
    public double LowerBound { get; }

    /// <summary>The best run's figures, one per iteration.</summary>
    public IReadOnlyList<IterationRecord> History { get; }

    /// <summary>
    /// What the fit found worth a warning (one line each), e.g. reg_covar swamping a feature's
    /// variance; empty for a loaded model.
    /// </summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];
}
