using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace GmmGpu.Backends.Cpu;

/// <summary>
/// D = 1, either form ([ln, m0, p] and sums [N, S0, Q00] look the same), straight-line.
/// </summary>
internal readonly struct OneDimensionBlockMaths : IBlockMaths<OneDimensionBlockMaths>
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> LogDensity(
        ref Vector256<float> x,
        ref float component,
        ref Vector256<float> diff,
        int d)
    {
        Vector256<float> y = (x - BlockOps.Parameter(ref component, 1))
            * BlockOps.Parameter(ref component, 2);
        return BlockOps.Normalize(y * y, component);
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
        Vector256<float> d0 = x - BlockOps.Parameter(ref component, 1);
        Vector256<float> w0 = r * d0;
        sums += r;
        Unsafe.Add(ref sums, 1) += w0;
        BlockOps.AddProduct(ref Unsafe.Add(ref sums, 2), w0, d0);
    }
}

/// <summary>
/// D = 2, triangular, straight-line: component [ln, m0, m1, P00, P01, P11];
/// sums [N, S0, S1, Q00, Q01, Q11].
/// </summary>
internal readonly struct TwoDimensionBlockMaths : IBlockMaths<TwoDimensionBlockMaths>
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> LogDensity(
        ref Vector256<float> x,
        ref float component,
        ref Vector256<float> diff,
        int d)
    {
        Vector256<float> d0 = x - BlockOps.Parameter(ref component, 1);
        Vector256<float> d1 = Unsafe.Add(ref x, 1) - BlockOps.Parameter(ref component, 2);
        Vector256<float> y0 = d0 * BlockOps.Parameter(ref component, 3);
        Vector256<float> y1 = d0 * BlockOps.Parameter(ref component, 4);
        BlockOps.AddProduct(ref y1, d1, BlockOps.Parameter(ref component, 5));
        return BlockOps.Normalize(Vector256.FusedMultiplyAdd(y1, y1, y0 * y0), component);
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
        Vector256<float> d0 = x - BlockOps.Parameter(ref component, 1);
        Vector256<float> d1 = Unsafe.Add(ref x, 1) - BlockOps.Parameter(ref component, 2);
        Vector256<float> w0 = r * d0;
        Vector256<float> w1 = r * d1;
        sums += r;
        Unsafe.Add(ref sums, 1) += w0;
        Unsafe.Add(ref sums, 2) += w1;
        BlockOps.AddProduct(ref Unsafe.Add(ref sums, 3), w0, d0);
        BlockOps.AddProduct(ref Unsafe.Add(ref sums, 4), w0, d1);
        BlockOps.AddProduct(ref Unsafe.Add(ref sums, 5), w1, d1);
    }
}

/// <summary>
/// D = 3, triangular, straight-line: component [ln, m0, m1, m2, P00, P01, P11, P02, P12, P22];
/// sums [N, S0, S1, S2, Q00, Q01, Q02, Q11, Q12, Q22].
/// </summary>
internal readonly struct ThreeDimensionBlockMaths : IBlockMaths<ThreeDimensionBlockMaths>
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> LogDensity(
        ref Vector256<float> x,
        ref float component,
        ref Vector256<float> diff,
        int d)
    {
        Vector256<float> d0 = x - BlockOps.Parameter(ref component, 1);
        Vector256<float> d1 = Unsafe.Add(ref x, 1) - BlockOps.Parameter(ref component, 2);
        Vector256<float> d2 = Unsafe.Add(ref x, 2) - BlockOps.Parameter(ref component, 3);
        Vector256<float> y0 = d0 * BlockOps.Parameter(ref component, 4);
        Vector256<float> y1 = d0 * BlockOps.Parameter(ref component, 5);
        BlockOps.AddProduct(ref y1, d1, BlockOps.Parameter(ref component, 6));
        Vector256<float> y2 = d0 * BlockOps.Parameter(ref component, 7);
        BlockOps.AddProduct(ref y2, d1, BlockOps.Parameter(ref component, 8));
        BlockOps.AddProduct(ref y2, d2, BlockOps.Parameter(ref component, 9));
        Vector256<float> squaredNorm = y0 * y0;
        BlockOps.AddProduct(ref squaredNorm, y1, y1);
        BlockOps.AddProduct(ref squaredNorm, y2, y2);
        return BlockOps.Normalize(squaredNorm, component);
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
        Vector256<float> d0 = x - BlockOps.Parameter(ref component, 1);
        Vector256<float> d1 = Unsafe.Add(ref x, 1) - BlockOps.Parameter(ref component, 2);
        Vector256<float> d2 = Unsafe.Add(ref x, 2) - BlockOps.Parameter(ref component, 3);
        Vector256<float> w0 = r * d0;
        Vector256<float> w1 = r * d1;
        Vector256<float> w2 = r * d2;
        sums += r;
        Unsafe.Add(ref sums, 1) += w0;
        Unsafe.Add(ref sums, 2) += w1;
        Unsafe.Add(ref sums, 3) += w2;
        BlockOps.AddProduct(ref Unsafe.Add(ref sums, 4), w0, d0);
        BlockOps.AddProduct(ref Unsafe.Add(ref sums, 5), w0, d1);
        BlockOps.AddProduct(ref Unsafe.Add(ref sums, 6), w0, d2);
        BlockOps.AddProduct(ref Unsafe.Add(ref sums, 7), w1, d1);
        BlockOps.AddProduct(ref Unsafe.Add(ref sums, 8), w1, d2);
        BlockOps.AddProduct(ref Unsafe.Add(ref sums, 9), w2, d2);
    }
}
