using GmmGpu.Engine;

namespace GmmGpu.Covariance;

/// <summary>
/// Everything that differs between covariance types, in one small type each (scikit-learn's
/// four if/elif chains, done once). Covariances use scikit-learn's shapes, flattened row-major:
/// full (K, D, D), tied (D, D), diagonal (K, D), spherical (K).
/// </summary>
internal interface ICovarianceModel
{
    /// <summary>The type this model implements.</summary>
    CovarianceType Type { get; }

    /// <summary>scikit-learn's name of the type: full, tied, diag or spherical.</summary>
    string Name { get; }

    /// <summary>True when every component shares one covariance (tied).</summary>
    bool Shared { get; }

    /// <summary>How the kernels see the precision factor and what second moments they sum.</summary>
    PrecisionForm Form { get; }

    /// <summary>Number of doubles in the covariances array.</summary>
    int CovarianceLength(int components, int dimensions);

    /// <summary>scikit-learn's shape of covariances_ (and precisions_cholesky_).</summary>
    int[] Shape(int components, int dimensions);

    /// <summary>Free parameters of the covariances (for AIC and BIC).</summary>
    int ParameterCount(int components, int dimensions);

    /// <summary>
    /// M-step covariances from the statistics about the shift: <paramref name="nk"/> is N_k plus
    /// 10·ε, <paramref name="offsets"/> is (mean_k − shift_k) = S_k / nk, shape (K, D).
    /// </summary>
    double[] EstimateCovariances(
        SufficientStatistics statistics,
        ReadOnlySpan<double> nk,
        ReadOnlySpan<double> offsets,
        double regCovar);

    /// <summary>
    /// Precision Cholesky factors in scikit-learn's shape (full: upper-triangular per component)
    /// into <paramref name="precisionCholesky"/> (the covariances' shape), for the components
    /// from <paramref name="first"/> on: the earlier ones are left as they are, so an M-step
    /// that reset a component resumes there. Throws <see cref="DegenerateComponentException"/>
    /// when a covariance is not positive definite.
    /// </summary>
    void ComputePrecisionCholesky(
        ReadOnlySpan<double> covariances,
        int components,
        int dimensions,
        double regCovar,
        Span<double> precisionCholesky,
        int first);

    /// <summary>log det of each component's precision Cholesky factor, shape (K).</summary>
    double[] ComputeLogDetCholesky(ReadOnlySpan<double> precisionCholesky, int components, int dimensions);

    /// <summary>The precision factors expanded to the kernel layout of <see cref="Form"/>.</summary>
    float[] ToKernelPrecision(ReadOnlySpan<double> precisionCholesky, int components, int dimensions);

    /// <summary>This type's covariances from full (K, D, D) matrices (average, diagonal, ...).</summary>
    double[] FromFull(ReadOnlySpan<double> fullCovariances, int components, int dimensions);

    /// <summary>Entry (i, j) of component k's covariance as a full D×D matrix.</summary>
    double CovarianceEntry(
        ReadOnlySpan<double> covariances, int component, int dimensions, int i, int j);

    /// <summary>Component k's covariance as a full D×D matrix.</summary>
    void ToFull(ReadOnlySpan<double> covariances, int component, int dimensions, Span<double> matrix);

    /// <summary>
    /// Replaces component k's covariance by its diagonal with every variance at least
    /// <paramref name="regCovar"/>, in place. Returns false when the type has no per-component
    /// covariance (tied) or the result would still not be positive (regCovar = 0).
    /// </summary>
    bool TryResetToDiagonal(Span<double> covariances, int component, int dimensions, double regCovar);
}
