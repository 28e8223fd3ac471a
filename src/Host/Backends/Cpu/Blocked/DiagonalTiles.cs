using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace GmmGpu.Backends.Cpu.Blocked;

/// <summary>
/// The register-blocked micro-kernels of the diagonal pass. They take every difference first
/// (x − μ, in float32, as the SIMD pass does), so they do not cancel for data far from the
/// origin or components far apart; the subtractions run on the adders beside the FMA units, so
/// a tile costs the FMA units as many cycles as the expanded product [x², x]·[−½p, p·μ] would.
/// </summary>
internal static class DiagonalTiles
{
    /// <summary>
    /// |y|² for 8 components (rows) × 32 points (columns), y_d = (x_d − μ_kd)·P_kd:
    /// component k's mean and factor at step d lie at <c>mean/factor + d·step + k</c>, the
    /// points' feature d at <c>x + d·xStep</c>. Accumulates in feature order, like the SIMD pass.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void SquaredNorms<TSink>(
        ref float mean,
        ref float factor,
        nint step,
        ref float x,
        nint xStep,
        int features,
        ref TSink sink)
        where TSink : struct, ITileSink
    {
        Vector512<float> c0 = default, c1 = default, c2 = default, c3 = default;
        Vector512<float> c4 = default, c5 = default, c6 = default, c7 = default;
        Vector512<float> d0 = default, d1 = default, d2 = default, d3 = default;
        Vector512<float> d4 = default, d5 = default, d6 = default, d7 = default;
        for (int s = 0; s < features; s++)
        {
            Vector512<float> low = Vector512.LoadUnsafe(ref x);
            Vector512<float> high = Vector512.LoadUnsafe(ref x, TileProduct.Width);
            Add(ref c0, ref d0, low, high, ref mean, ref factor, 0);
            Add(ref c1, ref d1, low, high, ref mean, ref factor, 1);
            Add(ref c2, ref d2, low, high, ref mean, ref factor, 2);
            Add(ref c3, ref d3, low, high, ref mean, ref factor, 3);
            Add(ref c4, ref d4, low, high, ref mean, ref factor, 4);
            Add(ref c5, ref d5, low, high, ref mean, ref factor, 5);
            Add(ref c6, ref d6, low, high, ref mean, ref factor, 6);
            Add(ref c7, ref d7, low, high, ref mean, ref factor, 7);
            mean = ref Unsafe.Add(ref mean, step);
            factor = ref Unsafe.Add(ref factor, step);
            x = ref Unsafe.Add(ref x, xStep);
        }

        sink.Row(0, c0, d0);
        sink.Row(1, c1, d1);
        sink.Row(2, c2, d2);
        sink.Row(3, c3, d3);
        sink.Row(4, c4, d4);
        sink.Row(5, c5, d5);
        sink.Row(6, c6, d6);
        sink.Row(7, c7, d7);
    }

    /// <summary>
    /// Σ_b r_bk (x_b − c_k) and Σ_b r_bk (x_b − c_k)² for 8 components × 16 features, over
    /// <paramref name="points"/> points: point b's 16 features at <c>x + b·xStep</c>,
    /// component k's responsibility at <c>r + k·rStep + b</c> and its centre at
    /// <c>centre + k·centreStep</c>. The float32 block sums are added into
    /// <c>first/second[k·stride]</c> (16 doubles each).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Moments(
        ref float x,
        nint xStep,
        ref float r,
        nint rStep,
        ref float centre,
        nint centreStep,
        int points,
        ref double first,
        ref double second,
        nint stride)
    {
        Vector512<float> m0 = Vector512.LoadUnsafe(ref centre);
        Vector512<float> m1 = Vector512.LoadUnsafe(ref centre, (nuint)centreStep);
        Vector512<float> m2 = Vector512.LoadUnsafe(ref centre, (nuint)(2 * centreStep));
        Vector512<float> m3 = Vector512.LoadUnsafe(ref centre, (nuint)(3 * centreStep));
        Vector512<float> m4 = Vector512.LoadUnsafe(ref centre, (nuint)(4 * centreStep));
        Vector512<float> m5 = Vector512.LoadUnsafe(ref centre, (nuint)(5 * centreStep));
        Vector512<float> m6 = Vector512.LoadUnsafe(ref centre, (nuint)(6 * centreStep));
        Vector512<float> m7 = Vector512.LoadUnsafe(ref centre, (nuint)(7 * centreStep));
        Vector512<float> s0 = default, s1 = default, s2 = default, s3 = default;
        Vector512<float> s4 = default, s5 = default, s6 = default, s7 = default;
        Vector512<float> q0 = default, q1 = default, q2 = default, q3 = default;
        Vector512<float> q4 = default, q5 = default, q6 = default, q7 = default;
        for (int b = 0; b < points; b++)
        {
            Vector512<float> point = Vector512.LoadUnsafe(ref x);
            ref float weight = ref Unsafe.Add(ref r, b);
            Accumulate(ref s0, ref q0, point, m0, weight);
            Accumulate(ref s1, ref q1, point, m1, Unsafe.Add(ref weight, rStep));
            Accumulate(ref s2, ref q2, point, m2, Unsafe.Add(ref weight, 2 * rStep));
            Accumulate(ref s3, ref q3, point, m3, Unsafe.Add(ref weight, 3 * rStep));
            Accumulate(ref s4, ref q4, point, m4, Unsafe.Add(ref weight, 4 * rStep));
            Accumulate(ref s5, ref q5, point, m5, Unsafe.Add(ref weight, 5 * rStep));
            Accumulate(ref s6, ref q6, point, m6, Unsafe.Add(ref weight, 6 * rStep));
            Accumulate(ref s7, ref q7, point, m7, Unsafe.Add(ref weight, 7 * rStep));
            x = ref Unsafe.Add(ref x, xStep);
        }

        Flush(ref first, ref second, 0, s0, q0);
        Flush(ref first, ref second, stride, s1, q1);
        Flush(ref first, ref second, 2 * stride, s2, q2);
        Flush(ref first, ref second, 3 * stride, s3, q3);
        Flush(ref first, ref second, 4 * stride, s4, q4);
        Flush(ref first, ref second, 5 * stride, s5, q5);
        Flush(ref first, ref second, 6 * stride, s6, q6);
        Flush(ref first, ref second, 7 * stride, s7, q7);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Add(
        ref Vector512<float> low,
        ref Vector512<float> high,
        Vector512<float> xLow,
        Vector512<float> xHigh,
        ref float mean,
        ref float factor,
        int k)
    {
        Vector512<float> centre = Vector512.Create(Unsafe.Add(ref mean, k));
        Vector512<float> scale = Vector512.Create(Unsafe.Add(ref factor, k));
        Vector512<float> y = (xLow - centre) * scale;
        Vector512<float> yHigh = (xHigh - centre) * scale;
        low = Vector512.FusedMultiplyAdd(y, y, low);
        high = Vector512.FusedMultiplyAdd(yHigh, yHigh, high);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Accumulate(
        ref Vector512<float> first,
        ref Vector512<float> second,
        Vector512<float> point,
        Vector512<float> centre,
        float r)
    {
        Vector512<float> difference = point - centre;
        Vector512<float> weighted = Vector512.Create(r) * difference;
        first += weighted;
        second = Vector512.FusedMultiplyAdd(weighted, difference, second);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Flush(
        ref double first,
        ref double second,
        nint offset,
        Vector512<float> firstSum,
        Vector512<float> secondSum)
    {
        DoubleSumSink.Add(ref Unsafe.Add(ref first, offset), firstSum);
        DoubleSumSink.Add(ref Unsafe.Add(ref second, offset), secondSum);
    }
}
