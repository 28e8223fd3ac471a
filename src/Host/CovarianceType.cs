namespace GmmGpu;

/// <summary>The form of each component's covariance matrix.</summary>
/// <remarks>scikit-learn: GaussianMixture(covariance_type=...)</remarks>
public enum CovarianceType
{
    /// <summary>Each component has its own general covariance matrix, shape (K, D, D).</summary>
    Full,

    /// <summary>All components share one general covariance matrix, shape (D, D).</summary>
    Tied,

    /// <summary>Each component has its own diagonal covariance, shape (K, D).</summary>
    Diagonal,

    /// <summary>Each component has its own single variance, shape (K).</summary>
    Spherical,
}
