using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace GmmGpu.Backends.Cpu;

/// <summary>
/// D = 1 (either form: [log normalizer, mean, p] and sums [N, S, Q] look the same), straight-line.
/// </summary>
internal readonly struct OneDimensionBlockMaths : IBlockMaths
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> LogDensity(
        ref Vector256<float> x,
        ref float component,
        ref Vector256<float> diff,
        int d)
    {
        diff = x - Vector256.Create(Unsafe.Add(ref component, 1));
        Vector256<float> y = diff * Vector256.Create(Unsafe.Add(ref component, 2));
        return BlockDifferences.Normalize(y * y, component);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Accumulate(
        ref Vector256<float> x,
        ref float component,
        Vector256<float> r,
        ref Vector256<float> diff,
        ref Vector256<float> sums,
        int d)
    {
        Vector256<float> d0 = x - Vector256.Create(Unsafe.Add(ref component, 1));
        Vector256<float> weighted = r * d0;
        sums += r;
        Unsafe.Add(ref sums, 1) += weighted;
        Unsafe.Add(ref sums, 2) = Vector256.FusedMultiplyAdd(weighted, d0, Unsafe.Add(ref sums, 2));
    }
}

/// <summary>D = 2, triangular: component [ln, m0, m1, P00, P01, P11], straight-line.</summary>
internal readonly struct TwoDimensionBlockMaths : IBlockMaths
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> LogDensity(
        ref Vector256<float> x,
        ref float component,
        ref Vector256<float> diff,
        int d)
    {
        Vector256<float> d0 = x - Vector256.Create(Unsafe.Add(ref component, 1));
        Vector256<float> d1 = Unsafe.Add(ref x, 1) - Vector256.Create(Unsafe.Add(ref component, 2));
        Vector256<float> y0 = d0 * Vector256.Create(Unsafe.Add(ref component, 3));
        Vector256<float> y1 = Vector256.FusedMultiplyAdd(
            d1,
            Vector256.Create(Unsafe.Add(ref component, 5)),
            d0 * Vector256.Create(Unsafe.Add(ref component, 4)));
        return BlockDifferences.Normalize(Vector256.FusedMultiplyAdd(y1, y1, y0 * y0), component);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Accumulate(
        ref Vector256<float> x,
        ref float component,
        Vector256<float> r,
        ref Vector256<float> diff,
        ref Vector256<float> sums,
        int d)
    {
        Vector256<float> d0 = x - Vector256.Create(Unsafe.Add(ref component, 1));
        Vector256<float> d1 = Unsafe.Add(ref x, 1) - Vector256.Create(Unsafe.Add(ref component, 2));
        Vector256<float> w0 = r * d0;
        Vector256<float> w1 = r * d1;
        sums += r;
        Unsafe.Add(ref sums, 1) += w0;
        Unsafe.Add(ref sums, 2) += w1;
        Unsafe.Add(ref sums, 3) = Vector256.FusedMultiplyAdd(w0, d0, Unsafe.Add(ref sums, 3));
        Unsafe.Add(ref sums, 4) = Vector256.FusedMultiplyAdd(w0, d1, Unsafe.Add(ref sums, 4));
        Unsafe.Add(ref sums, 5) = Vector256.FusedMultiplyAdd(w1, d1, Unsafe.Add(ref sums, 5));
    }
}
