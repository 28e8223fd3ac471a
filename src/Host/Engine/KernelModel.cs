namespace GmmGpu.Engine;

/// <summary>
/// A mixture in the float32 form the per-point kernels read. The weighted log-density of
/// component k at x is
/// <c>LogNormalizer[k] - 0.5 * |y|²</c> with <c>y = (x - Means[k]) · PrecisionCholesky[k]</c>,
/// where <c>LogNormalizer[k] = log w_k + log det(PrecisionCholesky[k]) - D/2 · log 2π</c>.
/// </summary>
/// <remarks>
/// Backends read the arrays at each call and reuse a device copy only while its values are
/// unchanged, so the arrays may be changed in place between calls (not during one).
/// </remarks>
public sealed class KernelModel
{
    /// <summary>Creates a kernel model; the arrays are owned by the new instance.</summary>
    /// <param name="components">K ≥ 1.</param>
    /// <param name="dimensions">D ≥ 1.</param>
    /// <param name="form">Triangular (full, tied) or diagonal (diagonal, spherical).</param>
    /// <param name="means">Shape (K, D), row-major.</param>
    /// <param name="precisionCholesky">Shape (K, D, D) for triangular, (K, D) for diagonal.</param>
    /// <param name="logNormalizer">Shape (K).</param>
    public KernelModel(
        int components,
        int dimensions,
        PrecisionForm form,
        float[] means,
        float[] precisionCholesky,
        float[] logNormalizer)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(components);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(dimensions);
        ArgumentNullException.ThrowIfNull(means);
        ArgumentNullException.ThrowIfNull(precisionCholesky);
        ArgumentNullException.ThrowIfNull(logNormalizer);
        if (means.Length != components * dimensions
            || precisionCholesky.Length != components * form.PrecisionLength(dimensions)
            || logNormalizer.Length != components)
        {
            throw new ArgumentException(
                $"Kernel model arrays do not match K={components}, D={dimensions}, {form}: "
                + $"means {means.Length}, precision {precisionCholesky.Length}, "
                + $"log normalizer {logNormalizer.Length}.");
        }

        Components = components;
        Dimensions = dimensions;
        Form = form;
        Means = means;
        PrecisionCholesky = precisionCholesky;
        LogNormalizer = logNormalizer;
    }

    /// <summary>Number of components K.</summary>
    public int Components { get; }

    /// <summary>Number of features D.</summary>
    public int Dimensions { get; }

    /// <summary>Layout of <see cref="PrecisionCholesky"/> and of the accumulated second moments.</summary>
    public PrecisionForm Form { get; }

    /// <summary>Component means, shape (K, D), row-major. Also the shift of the statistics.</summary>
    public float[] Means { get; }

    /// <summary>Precision Cholesky factors; see <see cref="PrecisionForm"/> for the layout.</summary>
    public float[] PrecisionCholesky { get; }

    /// <summary>log w_k + log det P_k − D/2 · log 2π, shape (K).</summary>
    public float[] LogNormalizer { get; }
}
