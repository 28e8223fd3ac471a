using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace GmmGpu.Backends.Cpu;

/// <summary>
/// The per-component maths of the SIMD statistics pass for one precision form (and, in the
/// specialised implementations, one D), eight points at a time. <c>component</c> points at a
/// <see cref="SimdModel"/> component: [log normalizer, mean (D), packed factor]; <c>x</c> at D
/// vectors, <c>diff</c> at D vectors read through <see cref="BlockOps.Difference"/> (a pair's
/// blocks interleave); <c>sums</c> at the component's [N, S (D), Q (moments)].
/// References rather than spans keep bounds checks out of the innermost loops.
/// </summary>
internal interface IBlockMaths<TSelf>
    where TSelf : IBlockMaths<TSelf>
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

    /// <summary>
    /// <see cref="LogDensity"/> for two blocks; <c>diff</c> and <c>nextDiff</c> interleave
    /// (see <see cref="BlockOps.Difference"/>).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static virtual (Vector256<float> LogDensity, Vector256<float> Next) LogDensityPair(
        ref Vector256<float> x,
        ref Vector256<float> nextX,
        ref float component,
        ref Vector256<float> diff,
        ref Vector256<float> nextDiff,
        int d) =>
        (TSelf.LogDensity(ref x, ref component, ref diff, d),
            TSelf.LogDensity(ref nextX, ref component, ref nextDiff, d));

    /// <summary>
    /// <see cref="Accumulate"/> for two blocks in turn (the pass works in pairs of blocks);
    /// a form may override it so that each sum is loaded and stored once for both.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static virtual void AccumulatePair(
        in BlockPair pair,
        ref float component,
        ref Vector256<float> sums,
        int d)
    {
        TSelf.Accumulate(ref pair.X, ref component, pair.R, ref pair.Diff, ref sums, d);
        TSelf.Accumulate(
            ref pair.NextX, ref component, pair.NextR, ref pair.NextDiff, ref sums, d);
    }
}

/// <summary>Two blocks' points, responsibilities and differences for one component.</summary>
internal readonly ref struct BlockPair(
    ref Vector256<float> x,
    ref Vector256<float> nextX,
    Vector256<float> r,
    Vector256<float> nextR,
    ref Vector256<float> diff,
    ref Vector256<float> nextDiff)
{
    public readonly ref Vector256<float> X = ref x;

    public readonly ref Vector256<float> NextX = ref nextX;

    public readonly Vector256<float> R = r;

    public readonly Vector256<float> NextR = nextR;

    public readonly ref Vector256<float> Diff = ref diff;

    public readonly ref Vector256<float> NextDiff = ref nextDiff;
}
