using System.Runtime.Intrinsics;

namespace GmmGpu.Backends.Cpu;

/// <summary>
/// The per-component maths of the SIMD statistics pass for one precision form (and, in the
/// specialised implementations, one D), eight points at a time. Component parameters are a
/// <see cref="SimdModel"/> component: [log normalizer, mean (D), packed factor].
/// </summary>
internal interface IBlockMaths
{
    /// <summary>LogNormalizer − ½|y|² with y = (x − mean)·P, per lane.</summary>
    /// <param name="diff">Scratch, shape (D).</param>
    static abstract Vector256<float> LogDensity(
        ReadOnlySpan<Vector256<float>> x,
        ReadOnlySpan<float> component,
        Span<Vector256<float>> diff);

    /// <summary>sums += [r, r·diff, r·diff_i·diff_j (packed)] per lane.</summary>
    static abstract void Accumulate(
        ReadOnlySpan<Vector256<float>> x,
        ReadOnlySpan<float> component,
        Vector256<float> r,
        Span<Vector256<float>> diff,
        Span<Vector256<float>> sums);
}
