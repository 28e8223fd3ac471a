namespace GmmGpu;

/// <summary>One EM iteration's figures, kept in a fitted model's history.</summary>
/// <param name="Iteration">1-based iteration number.</param>
/// <param name="LogLikelihood">Mean log-likelihood per point of the parameters this iteration started from.</param>
/// <param name="Change">Change of <paramref name="LogLikelihood"/> from the previous iteration (∞ on the first).</param>
/// <param name="Aic">Akaike information criterion of those parameters.</param>
/// <param name="Bic">Bayesian information criterion of those parameters.</param>
/// <param name="Duration">Wall time of the iteration (E-step pass and M-step).</param>
public sealed record IterationRecord(
    int Iteration,
    double LogLikelihood,
    double Change,
    double Aic,
    double Bic,
    TimeSpan Duration);

/// <summary>
/// An immutable picture of a fit after one EM iteration, published through
/// <see cref="IProgress{T}"/>: the figures and the parameters the iteration's M-step produced.
/// </summary>
/// <param name="Record">The iteration's figures.</param>
/// <param name="Parameters">The parameters after this iteration's M-step.</param>
/// <param name="Initialization">0-based index of the initialisation (of NInit) being run.</param>
/// <param name="Elapsed">Wall time since this initialisation's EM loop began.</param>
/// <param name="Samples">Number of points N.</param>
public sealed record IterationSnapshot(
    IterationRecord Record,
    MixtureParameters Parameters,
    int Initialization,
    TimeSpan Elapsed,
    long Samples);
