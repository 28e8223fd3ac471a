using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace GmmGpu.Backends.Cpu;

/// <summary>Any D, triangular factor: y_j = Σ_{i≤j} diff_i P[i,j]; packed upper moments.</summary>
internal readonly struct TriangularBlockMaths : IBlockMaths
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> LogDensity(
        ref Vector256<float> x,
        ref float component,
        ref Vector256<float> diff,
        int d)
    {
        BlockDifferences.Compute(ref x, ref component, ref diff, d);
        Vector256<float> squaredNorm = Vector256<float>.Zero;
        ref float factor = ref Unsafe.Add(ref component, 1 + d);
        for (int j = 0; j < d; j++)
        {
            Vector256<float> y = Vector256<float>.Zero;
            for (int i = 0; i <= j; i++)
            {
                y = Vector256.FusedMultiplyAdd(
                    Unsafe.Add(ref diff, i), Vector256.Create(factor), y);
                factor = ref Unsafe.Add(ref factor, 1);
            }

            squaredNorm = Vector256.FusedMultiplyAdd(y, y, squaredNorm);
        }

        return BlockDifferences.Normalize(squaredNorm, component);
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
        BlockDifferences.Compute(ref x, ref component, ref diff, d);
        sums += r;
        ref Vector256<float> moment = ref Unsafe.Add(ref sums, 1 + d);
        for (int i = 0; i < d; i++)
        {
            Vector256<float> weighted = r * Unsafe.Add(ref diff, i);
            Unsafe.Add(ref sums, 1 + i) += weighted;
            for (int j = i; j < d; j++)
            {
                moment = Vector256.FusedMultiplyAdd(weighted, Unsafe.Add(ref diff, j), moment);
                moment = ref Unsafe.Add(ref moment, 1);
            }
        }
    }
}

/// <summary>Any D, diagonal factor: y_j = diff_j P[j]; diagonal second moments.</summary>
internal readonly struct DiagonalBlockMaths : IBlockMaths
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> LogDensity(
        ref Vector256<float> x,
        ref float component,
        ref Vector256<float> diff,
        int d)
    {
        BlockDifferences.Compute(ref x, ref component, ref diff, d);
        Vector256<float> squaredNorm = Vector256<float>.Zero;
        for (int j = 0; j < d; j++)
        {
            Vector256<float> y =
                Unsafe.Add(ref diff, j) * Vector256.Create(Unsafe.Add(ref component, 1 + d + j));
            squaredNorm = Vector256.FusedMultiplyAdd(y, y, squaredNorm);
        }

        return BlockDifferences.Normalize(squaredNorm, component);
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
        BlockDifferences.Compute(ref x, ref component, ref diff, d);
        sums += r;
        for (int i = 0; i < d; i++)
        {
            Vector256<float> weighted = r * Unsafe.Add(ref diff, i);
            Unsafe.Add(ref sums, 1 + i) += weighted;
            ref Vector256<float> moment = ref Unsafe.Add(ref sums, 1 + d + i);
            moment = Vector256.FusedMultiplyAdd(weighted, Unsafe.Add(ref diff, i), moment);
        }
    }
}

/// <summary>Pieces every form shares.</summary>
internal static class BlockDifferences
{
    /// <summary>diff_i = x_i − mean_i, in float32 before anything is multiplied.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Compute(
        ref Vector256<float> x,
        ref float component,
        ref Vector256<float> diff,
        int d)
    {
        for (int i = 0; i < d; i++)
        {
            Unsafe.Add(ref diff, i) =
                Unsafe.Add(ref x, i) - Vector256.Create(Unsafe.Add(ref component, 1 + i));
        }
    }

    /// <summary>LogNormalizer − ½|y|².</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> Normalize(Vector256<float> squaredNorm, float logNormalizer) =>
        Vector256.FusedMultiplyAdd(
            squaredNorm, Vector256.Create(-0.5f), Vector256.Create(logNormalizer));
}
