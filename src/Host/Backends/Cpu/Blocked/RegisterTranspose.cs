using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace GmmGpu.Backends.Cpu.Blocked;

/// <summary>
/// An 8×8 square of row-major floats transposed in registers (unpack, shuffle, swap halves):
/// 24 shuffles for 64 values, where reading them one by one costs a load and a store each.
/// </summary>
internal static class RegisterTranspose
{
    /// <summary>Whether <see cref="Load8x8"/> runs on this processor.</summary>
    public static bool IsSupported => Avx.IsSupported;

    /// <summary>
    /// Column j of the 8×8 square whose row r starts at <paramref name="first"/> +
    /// r·<paramref name="stride"/>, as <c>cj</c> (row r in lane r).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Load8x8(
        ref float first,
        nint stride,
        out Vector256<float> c0,
        out Vector256<float> c1,
        out Vector256<float> c2,
        out Vector256<float> c3,
        out Vector256<float> c4,
        out Vector256<float> c5,
        out Vector256<float> c6,
        out Vector256<float> c7)
    {
        Vector256<float> t0 = Avx.UnpackLow(Row(ref first, stride, 0), Row(ref first, stride, 1));
        Vector256<float> t1 = Avx.UnpackHigh(Row(ref first, stride, 0), Row(ref first, stride, 1));
        Vector256<float> t2 = Avx.UnpackLow(Row(ref first, stride, 2), Row(ref first, stride, 3));
        Vector256<float> t3 = Avx.UnpackHigh(Row(ref first, stride, 2), Row(ref first, stride, 3));
        Vector256<float> t4 = Avx.UnpackLow(Row(ref first, stride, 4), Row(ref first, stride, 5));
        Vector256<float> t5 = Avx.UnpackHigh(Row(ref first, stride, 4), Row(ref first, stride, 5));
        Vector256<float> t6 = Avx.UnpackLow(Row(ref first, stride, 6), Row(ref first, stride, 7));
        Vector256<float> t7 = Avx.UnpackHigh(Row(ref first, stride, 6), Row(ref first, stride, 7));
        Vector256<float> s0 = Avx.Shuffle(t0, t2, 0x44);
        Vector256<float> s1 = Avx.Shuffle(t0, t2, 0xEE);
        Vector256<float> s2 = Avx.Shuffle(t1, t3, 0x44);
        Vector256<float> s3 = Avx.Shuffle(t1, t3, 0xEE);
        Vector256<float> s4 = Avx.Shuffle(t4, t6, 0x44);
        Vector256<float> s5 = Avx.Shuffle(t4, t6, 0xEE);
        Vector256<float> s6 = Avx.Shuffle(t5, t7, 0x44);
        Vector256<float> s7 = Avx.Shuffle(t5, t7, 0xEE);
        c0 = Avx.Permute2x128(s0, s4, 0x20);
        c1 = Avx.Permute2x128(s1, s5, 0x20);
        c2 = Avx.Permute2x128(s2, s6, 0x20);
        c3 = Avx.Permute2x128(s3, s7, 0x20);
        c4 = Avx.Permute2x128(s0, s4, 0x31);
        c5 = Avx.Permute2x128(s1, s5, 0x31);
        c6 = Avx.Permute2x128(s2, s6, 0x31);
        c7 = Avx.Permute2x128(s3, s7, 0x31);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<float> Row(ref float first, nint stride, int row) =>
        Vector256.LoadUnsafe(ref first, (nuint)(row * stride));
}
