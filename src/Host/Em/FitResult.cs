namespace GmmGpu.Em;

/// <summary>What one call of the EM driver found: the best run's final state.</summary>
internal sealed record FitResult(
    MixtureParameters Parameters,
    bool Converged,
    int Iterations,
    double LowerBound,
    IReadOnlyList<IterationRecord> History);
