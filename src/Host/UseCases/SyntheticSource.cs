namespace GmmGpu.UseCases;

/// <summary>
/// The random mixture of <see cref="SyntheticData"/> and a stream of its points in random
/// order, drawn in batches of any size, so that any N takes O(batch·D) memory.
/// </summary>
public sealed class SyntheticSource
{
    private readonly Random random;
    private readonly double[] factors;
    private readonly double[] cumulative;
    private readonly double[] z;

    /// <summary>Draws the mixture (see <see cref="SyntheticData.Generate"/>).</summary>
    /// <param name="dimensions">D ≥ 1.</param>
    /// <param name="components">K ≥ 1.</param>
    /// <param name="seed">Seed of the mixture and of every point.</param>
    /// <exception cref="ArgumentOutOfRangeException">A size is below 1 or the mixture is too
    /// large to draw (<see cref="SyntheticData.SizeProblem"/>).</exception>
    public SyntheticSource(int dimensions, int components, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(dimensions);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(components);
        if (SyntheticData.SizeProblem(dimensions, components) is { } problem)
        {
            throw new ArgumentOutOfRangeException(nameof(components), problem);
        }

        random = new Random(seed);
        TrueModel = SyntheticData.DrawModel(random, dimensions, components);
        factors = TrueModel.SamplingFactors();
        cumulative = TrueModel.CumulativeWeights();
        z = new double[dimensions];
    }

    /// <summary>The mixture the points come from (full covariances).</summary>
    public GaussianMixtureModel TrueModel { get; }

    /// <summary>Draws the next <c>labels.Length</c> points and their components.</summary>
    /// <param name="samples">Filled with shape (labels.Length, D), row-major.</param>
    /// <param name="labels">Filled with each point's component.</param>
    public void Draw(Span<float> samples, Span<int> labels)
    {
        int d = TrueModel.Dimensions;
        ArgumentOutOfRangeException.ThrowIfNotEqual(samples.Length, (long)labels.Length * d);
        for (int i = 0; i < labels.Length; i++)
        {
            int c = GaussianMixtureModel.DrawComponent(random, cumulative);
            TrueModel.DrawPoint(random, factors, c, z, samples.Slice(i * d, d));
            labels[i] = c;
        }
    }
}
