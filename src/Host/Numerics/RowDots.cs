using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace GmmGpu.Numerics;

/// <summary>
/// Dot products of four rows with two other rows of a row-major float64 matrix over one
/// column range, all eight at once: each vector loaded serves two or four products, where a
/// dot product one at a time loads two vectors for each (the loads, not the multiplies, bound
/// it). The Cholesky's bulk at large D.
/// </summary>
internal static class RowDots
{
    /// <summary>Rows of the first kind in a tile.</summary>
    public const int Rows = 4;

    /// <summary>Rows of the second kind in a tile.</summary>
    public const int Others = 2;

    /// <summary>
    /// sums[a·<see cref="Others"/> + b] = Σ m[rows[a], p] · m[others[b], p] over p in
    /// [start, start + length), for the rows first, first + 1, ... (<paramref name="count"/>
    /// of them, 1 to 4; the sums of missing ones are left as they are) and the rows
    /// <paramref name="other"/>, <paramref name="other"/> + 1 (both must exist).
    /// </summary>
    /// <param name="m">The matrix, row-major, <paramref name="d"/> columns.</param>
    public static void Tile(ReadOnlySpan<double> m, int d, int first, int count, int other,
        int start, int length, Span<double> sums)
    {
        if (count is < 1 or > Rows || length < 0 || start < 0 || start + length > d
            || ((long)Math.Max(first + count, other + Others) * d) > m.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(count), "the tile is not in the matrix.");
        }

        // A missing row repeats the first: its sums are computed and dropped.
        ref double origin = ref MemoryMarshal.GetReference(m);
        ref double a0 = ref Unsafe.Add(ref origin, (first * d) + start);
        ref double a1 = ref Unsafe.Add(ref origin, ((first + Math.Min(1, count - 1)) * d) + start);
        ref double a2 = ref Unsafe.Add(ref origin, ((first + Math.Min(2, count - 1)) * d) + start);
        ref double a3 = ref Unsafe.Add(ref origin, ((first + Math.Min(3, count - 1)) * d) + start);
        ref double b0 = ref Unsafe.Add(ref origin, (other * d) + start);
        ref double b1 = ref Unsafe.Add(ref origin, ((other + 1) * d) + start);
        Vector256<double> s00 = default, s01 = default, s10 = default, s11 = default;
        Vector256<double> s20 = default, s21 = default, s30 = default, s31 = default;
        int p = 0;
        for (; p + Vector256<double>.Count <= length; p += Vector256<double>.Count)
        {
            nuint at = (nuint)p;
            Vector256<double> y0 = Vector256.LoadUnsafe(ref b0, at);
            Vector256<double> y1 = Vector256.LoadUnsafe(ref b1, at);
            Vector256<double> x = Vector256.LoadUnsafe(ref a0, at);
            s00 = Vector256.FusedMultiplyAdd(x, y0, s00);
            s01 = Vector256.FusedMultiplyAdd(x, y1, s01);
            x = Vector256.LoadUnsafe(ref a1, at);
            s10 = Vector256.FusedMultiplyAdd(x, y0, s10);
            s11 = Vector256.FusedMultiplyAdd(x, y1, s11);
            x = Vector256.LoadUnsafe(ref a2, at);
            s20 = Vector256.FusedMultiplyAdd(x, y0, s20);
            s21 = Vector256.FusedMultiplyAdd(x, y1, s21);
            x = Vector256.LoadUnsafe(ref a3, at);
            s30 = Vector256.FusedMultiplyAdd(x, y0, s30);
            s31 = Vector256.FusedMultiplyAdd(x, y1, s31);
        }

        Span<double> all = stackalloc double[Rows * Others];
        (all[0], all[1], all[2], all[3]) = (Vector256.Sum(s00), Vector256.Sum(s01),
            Vector256.Sum(s10), Vector256.Sum(s11));
        (all[4], all[5], all[6], all[7]) = (Vector256.Sum(s20), Vector256.Sum(s21),
            Vector256.Sum(s30), Vector256.Sum(s31));
        for (; p < length; p++)
        {
            double y0 = Unsafe.Add(ref b0, p), y1 = Unsafe.Add(ref b1, p);
            double x0 = Unsafe.Add(ref a0, p), x1 = Unsafe.Add(ref a1, p);
            double x2 = Unsafe.Add(ref a2, p), x3 = Unsafe.Add(ref a3, p);
            (all[0], all[1], all[2], all[3]) =
                (all[0] + (x0 * y0), all[1] + (x0 * y1), all[2] + (x1 * y0), all[3] + (x1 * y1));
            (all[4], all[5], all[6], all[7]) =
                (all[4] + (x2 * y0), all[5] + (x2 * y1), all[6] + (x3 * y0), all[7] + (x3 * y1));
        }

        all[..(count * Others)].CopyTo(sums);
    }
}
