using GmmGpu.Numerics;

namespace GmmGpu.Viewer;

/// <summary>
/// The data's top two principal axes: the eigenvectors of its covariance with the largest
/// eigenvalues. Projects data rows x → Wᵀ(x − μ) and a mixture onto them (means
/// m → Wᵀ(m − μ), covariances Σ → WᵀΣW, weights kept), which is exactly the mixture's
/// marginal along the two axes, so every 2-D view draws it as it draws two features.
/// </summary>
public sealed class PrincipalAxes
{
    private const int Block = 1 << 14;

    private readonly double[] mean;
    private readonly double[] axes;

    private PrincipalAxes(double[] mean, double[] variances, double[] axes, double[] explained)
    {
        this.mean = mean;
        FeatureVariances = variances;
        this.axes = axes;
        Explained = explained;
    }

    /// <summary>Features of the data the axes were computed from (D).</summary>
    public int Dimensions => mean.Length;

    /// <summary>The data's mean μ, length D.</summary>
    public IReadOnlyList<double> Mean => mean;

    /// <summary>The data's variance of each feature, length D.</summary>
    public IReadOnlyList<double> FeatureVariances { get; }

    /// <summary>The variance along each of the two axes (the two largest eigenvalues).</summary>
    public IReadOnlyList<double> Explained { get; }

    /// <summary>Entry <paramref name="feature"/> of unit axis <paramref name="axis"/> (0 or 1).
    /// </summary>
    public double Axis(int axis, int feature) => axes[(axis * Dimensions) + feature];

    /// <summary>
    /// Mean and covariance in one parallel pass over the rows (float64 sums of differences from
    /// the first row, so that a large offset costs no precision; O(D²) memory), then the top
    /// two eigenvectors of the covariance.
    /// </summary>
    /// <param name="values">Shape (rows, columns), row-major; at least one row.</param>
    /// <param name="columns">Features, at least 2.</param>
    public static PrincipalAxes Compute(ReadOnlyMemory<float> values, int columns)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(columns, 2);
        ArgumentOutOfRangeException.ThrowIfNotEqual(values.Length % columns, 0, nameof(values));
        ArgumentOutOfRangeException.ThrowIfZero(values.Length);
        int d = columns;
        (double[] centre, double[] covariance) = SampleCovariance.Compute(values, columns);
        (double[] eigenvalues, double[] vectors) = SymmetricEigen.Decompose(covariance, d);
        var axes = new double[2 * d];
        for (int f = 0; f < d; f++)
        {
            axes[f] = vectors[(f * d) + 0];
            axes[d + f] = vectors[(f * d) + 1];
        }

        double[] variances = [.. Enumerable.Range(0, d).Select(i => covariance[(i * d) + i])];
        return new PrincipalAxes(centre, variances, axes, [eigenvalues[0], eigenvalues[1]]);
    }

    /// <summary>The rows projected onto the two axes: shape (rows, 2), row-major.</summary>
    /// <param name="values">Shape (rows, <see cref="Dimensions"/>), row-major.</param>
    public float[] Project(ReadOnlyMemory<float> values)
    {
        int d = Dimensions, rows = values.Length / d;
        ArgumentOutOfRangeException.ThrowIfNotEqual(values.Length % d, 0, nameof(values));
        var projected = new float[2 * rows];
        Parallel.For(0, (rows + Block - 1) / Block, block =>
        {
            ReadOnlySpan<float> v = values.Span;
            for (int row = block * Block; row < Math.Min(rows, (block + 1) * Block); row++)
            {
                (double u, double w) = ProjectPoint(v.Slice(row * d, d));
                projected[2 * row] = (float)u;
                projected[(2 * row) + 1] = (float)w;
            }
        });
        return projected;
    }

    /// <summary>
    /// The mixture along the two axes: two features, full covariances.
    /// </summary>
    /// <exception cref="ArgumentException">The mixture is not of <see cref="Dimensions"/>
    /// features.</exception>
    public MixtureParameters Project(MixtureParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        int k = parameters.Components, d = Dimensions;
        if (parameters.Dimensions != d)
        {
            throw new ArgumentException($"the model has D={parameters.Dimensions} but the "
                + $"principal axes are of {d} features.", nameof(parameters));
        }

        var means = new double[2 * k];
        var covariances = new double[4 * k];
        var sigmaW = new double[2 * d];
        double[] allMeans = [.. parameters.Means];
        for (int c = 0; c < k; c++)
        {
            (means[2 * c], means[(2 * c) + 1]) =
                ProjectPoint(allMeans.AsSpan(c * d, d));
            // ΣW first (D × 2), then Wᵀ(ΣW): O(D²) per component.
            for (int a = 0; a < d; a++)
            {
                double s0 = 0, s1 = 0;
                for (int b = 0; b < d; b++)
                {
                    double sab = Covariance(parameters, c, a, b);
                    s0 += sab * axes[b];
                    s1 += sab * axes[d + b];
                }

                (sigmaW[a], sigmaW[d + a]) = (s0, s1);
            }

            for (int i = 0; i < 2; i++)
            {
                for (int j = 0; j < 2; j++)
                {
                    double sum = 0;
                    for (int a = 0; a < d; a++)
                    {
                        sum += axes[(i * d) + a] * sigmaW[(j * d) + a];
                    }

                    covariances[(4 * c) + (2 * i) + j] = sum;
                }
            }

            // Rounding leaves the two off-diagonal sums a few ulps apart; keep the matrix
            // exactly symmetric.
            double off = (covariances[(4 * c) + 1] + covariances[(4 * c) + 2]) / 2;
            covariances[(4 * c) + 1] = covariances[(4 * c) + 2] = off;
        }

        return new MixtureParameters(
            CovarianceType.Full, k, 2, [.. parameters.Weights], means, covariances);
    }

    /// <summary>Wᵀ(x − μ) of one point of <see cref="Dimensions"/> features.</summary>
    private (double U, double W) ProjectPoint<T>(ReadOnlySpan<T> x)
        where T : struct, IConvertible
    {
        double u = 0, w = 0;
        int d = Dimensions;
        for (int f = 0; f < d; f++)
        {
            double centred = x[f].ToDouble(null) - mean[f];
            u += axes[f] * centred;
            w += axes[d + f] * centred;
        }

        return (u, w);
    }

    private static double Covariance(MixtureParameters parameters, int k, int a, int b)
    {
        (double xx, double xy, _) = parameters.MarginalCovariance(k, a, b);
        return a == b ? xx : xy;
    }
}
