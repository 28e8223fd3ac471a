namespace GmmGpu;

/// <summary>When EM stops before the iteration limit.</summary>
public enum StopRule
{
    /// <summary>When the mean log-likelihood per point changes by less than the tolerance.</summary>
    LogLikelihood,

    /// <summary>
    /// The original project's rule: when AIC improves by less than 0.1 for 3 iterations in a row.
    /// </summary>
    Aic,
}
