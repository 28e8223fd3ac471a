using ILGPU;

namespace GmmGpu.Kernels;

/// <summary>
/// A Gaussian mixture in the float32 form the per-point kernels read: means (K, D), precision
/// Cholesky factors (K, D, D) upper-triangular or (K, D) diagonal, and log normalizers (K).
/// </summary>
public readonly struct MixtureView
{
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

    public ArrayView<float> Means { get; }

    public ArrayView<float> PrecisionCholesky { get; }

    public ArrayView<float> LogNormalizer { get; }

    public int Components { get; }

    public int Dimensions { get; }

    public DensityForm Form { get; }
}
