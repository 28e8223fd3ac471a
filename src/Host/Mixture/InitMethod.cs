namespace GmmGpu;

/// <summary>How EM's starting parameters are chosen.</summary>
/// <remarks>scikit-learn: GaussianMixture(init_params=...)</remarks>
public enum InitMethod
{
    /// <summary>k-means++ seeds; each component starts from the points nearest its seed.</summary>
    KMeansPlusPlus,

    /// <summary>k-means++ seeds refined by Lloyd iterations; components from the final clusters.</summary>
    KMeans,

    /// <summary>
    /// Every component starts at the data's covariance with equal weights and a mean at the data
    /// mean plus a random offset of 0.1 standard deviations (what scikit-learn's random
    /// responsibilities amount to, without an N×K matrix).
    /// </summary>
    Random,

    /// <summary>K distinct random data points as seeds; components from the points nearest each.</summary>
    RandomFromData,

    /// <summary>
    /// The original project's start: equal weights, means uniform in the data's bounding box,
    /// identity covariances.
    /// </summary>
    Uniform,
}
