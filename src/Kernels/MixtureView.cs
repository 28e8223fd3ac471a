using ILGPU;

namespace GmmGpu.Kernels;

/// <summary>
/// A Gaussian mixture in the float32 form the per-point kernels read: means (K, D), precision
/// Cholesky factors (K, D, D) upper-triangular or (K, D) diagonal, and log normalizers (K).
/// </summary>
public readonly struct MixtureView
{
    /// <summary>A view of a mixture already on the device (members say each shape).</summary>
    public MixtureView(
        ArrayView<float> means,
        ArrayView<float> precisionCholesky,
        ArrayView<float> logNormalizer,
        int components,
        int dimensions,
        DensityForm form)
    {
        Means = means;
        PrecisionCholesky = precisionCholesky;
        LogNormalizer = logNormalizer;
        Components = components;
        Dimensions = dimensions;
        Form = form;
    }

    /// <summary>Shape (K, D), row-major.</summary>
    public ArrayView<float> Means { get; }

    /// <summary>
    /// Shape (K, D, D) upper-triangular for <see cref="DensityForm.Triangular"/>, (K, D) otherwise.
    /// </summary>
    public ArrayView<float> PrecisionCholesky { get; }

    /// <summary>
    /// Shape (K): log weight − D/2 log 2π + log det of the precision Cholesky factor.
    /// </summary>
    public ArrayView<float> LogNormalizer { get; }

    /// <summary>K, ≥ 1.</summary>
    public int Components { get; }

    /// <summary>D, ≥ 1.</summary>
    public int Dimensions { get; }

    /// <summary>The layout of <see cref="PrecisionCholesky"/>.</summary>
    public DensityForm Form { get; }
}
