using System.Runtime.Intrinsics;

namespace GmmGpu.Backends.Cpu;

/// <summary>
/// The per-component maths of the SIMD statistics pass for one precision form (and, in the
/// specialised implementations, one D), eight points at a time. <c>component</c> points at a
/// <see cref="SimdModel"/> component: [log normalizer, mean (D), packed factor]; <c>x</c> and
/// <c>diff</c> at D vectors; <c>sums</c> at the component's [N, S (D), Q (moments)].
/// References rather than spans keep bounds checks out of the innermost loops.
/// </summary>
internal interface IBlockMaths
{
    /// <summary>
    /// LogNormalizer − ½|y|², y = (x − mean)·P, per lane. May leave values in this
    /// component's <c>diff</c> (D vectors) for <see cref="Accumulate"/> to reuse.
    /// </summary>
    static abstract Vector256<float> LogDensity(
        ref Vector256<float> x,
        ref float component,
        ref Vector256<float> diff,
        int d);

    /// <summary>
    /// sums += [r, r·diff, r·diff_i·diff_j (packed)] per lane; <c>diff</c> holds what
    /// <see cref="LogDensity"/> left for this component and block.
    /// </summary>
    static abstract void Accumulate(
        ref Vector256<float> x,
        ref float component,
        Vector256<float> r,
        ref Vector256<float> diff,
        ref Vector256<float> sums,
        int d);
}
