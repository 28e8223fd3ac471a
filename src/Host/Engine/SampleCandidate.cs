namespace GmmGpu.Engine;

/// <summary>
/// A k-means++ draw: the winning exponential key and its row (−1 and +∞: no point has a
/// positive weight). Draws over parts of the data combine by keeping the one that
/// <see cref="Kernels.ExponentialKeys.Precedes"/> the others.
/// </summary>
public readonly record struct SampleCandidate(double Key, long Row)
{
    /// <summary>No draw yet.</summary>
    public static SampleCandidate None => new(double.PositiveInfinity, -1);

    /// <summary>This draw or <paramref name="other"/>, whichever precedes.</summary>
    public SampleCandidate Best(SampleCandidate other) =>
        Kernels.ExponentialKeys.Precedes(other.Key, other.Row, Key, Row) ? other : this;
}
