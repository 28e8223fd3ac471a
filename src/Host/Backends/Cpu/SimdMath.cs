using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace GmmGpu.Backends.Cpu;

/// <summary>
/// exp and log over eight floats, to about 2 ulp (Cephes expf/logf polynomials), inlined into
/// the statistics pass.
/// </summary>
internal static class SimdMath
{
    private const float MinExponent = -87.33654f;

    /// <summary>e^x for x ≤ 88; exactly 0 below −87.3 (and for −∞), never NaN for such x.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> Exp(Vector256<float> x)
    {
        Vector256<float> inRange = Vector256.GreaterThanOrEqual(x, Vector256.Create(MinExponent));
        x = Vector256.MinNative(
            Vector256.MaxNative(x, Vector256.Create(MinExponent)),
            Vector256.Create(88.3762626647949f));
        Vector256<float> n = Vector256.Round(x * Vector256.Create(1.44269504088896341f));
        x = Vector256.FusedMultiplyAdd(n, Vector256.Create(-0.693359375f), x);
        x = Vector256.FusedMultiplyAdd(n, Vector256.Create(2.12194440e-4f), x);
        Vector256<float> p = Vector256.Create(1.9875691500e-4f);
        p = Vector256.FusedMultiplyAdd(p, x, Vector256.Create(1.3981999507e-3f));
        p = Vector256.FusedMultiplyAdd(p, x, Vector256.Create(8.3334519073e-3f));
        p = Vector256.FusedMultiplyAdd(p, x, Vector256.Create(4.1665795894e-2f));
        p = Vector256.FusedMultiplyAdd(p, x, Vector256.Create(1.6666665459e-1f));
        p = Vector256.FusedMultiplyAdd(p, x, Vector256.Create(5.0000001201e-1f));
        p = Vector256.FusedMultiplyAdd(p, x * x, x) + Vector256<float>.One;
        Vector256<int> exponent =
            Vector256.ShiftLeft(Vector256.ConvertToInt32Native(n) + Vector256.Create(127), 23);
        return (p * exponent.AsSingle()) & inRange;
    }

    /// <summary>ln x for positive, finite, normal x.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> Log(Vector256<float> x)
    {
        Vector256<int> bits = x.AsInt32();
        Vector256<float> exponent = Vector256.ConvertToSingle(
            Vector256.ShiftRightArithmetic(bits, 23) - Vector256.Create(127));
        Vector256<float> mantissa =
            ((bits & Vector256.Create(0x007FFFFF)) | Vector256.Create(0x3F800000)).AsSingle();
        Vector256<float> large = Vector256.GreaterThan(mantissa, Vector256.Create(1.41421356f));
        mantissa = Vector256.ConditionalSelect(large, mantissa * 0.5f, mantissa);
        exponent += Vector256<float>.One & large;
        Vector256<float> f = mantissa - Vector256<float>.One;
        Vector256<float> z = f * f;
        Vector256<float> p = Vector256.Create(7.0376836292e-2f);
        p = Vector256.FusedMultiplyAdd(p, f, Vector256.Create(-1.1514610310e-1f));
        p = Vector256.FusedMultiplyAdd(p, f, Vector256.Create(1.1676998740e-1f));
        p = Vector256.FusedMultiplyAdd(p, f, Vector256.Create(-1.2420140846e-1f));
        p = Vector256.FusedMultiplyAdd(p, f, Vector256.Create(1.4249322787e-1f));
        p = Vector256.FusedMultiplyAdd(p, f, Vector256.Create(-1.6668057665e-1f));
        p = Vector256.FusedMultiplyAdd(p, f, Vector256.Create(2.0000714765e-1f));
        p = Vector256.FusedMultiplyAdd(p, f, Vector256.Create(-2.4999993993e-1f));
        p = Vector256.FusedMultiplyAdd(p, f, Vector256.Create(3.3333331174e-1f));
        Vector256<float> y = p * f * z;
        y = Vector256.FusedMultiplyAdd(exponent, Vector256.Create(-2.12194440e-4f), y);
        y = Vector256.FusedMultiplyAdd(z, Vector256.Create(-0.5f), y);
        return Vector256.FusedMultiplyAdd(exponent, Vector256.Create(0.693359375f), f + y);
    }
}
