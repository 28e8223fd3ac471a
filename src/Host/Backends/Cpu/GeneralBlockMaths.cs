using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace GmmGpu.Backends.Cpu;

/// <summary>Any D, triangular factor: y_j = Σ_{i≤j} diff_i P[i,j]; packed upper second moments.</summary>
internal readonly struct TriangularBlockMaths : IBlockMaths
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> LogDensity(
        ReadOnlySpan<Vector256<float>> x,
        ReadOnlySpan<float> component,
        Span<Vector256<float>> diff)
    {
        int d = x.Length;
        BlockDifferences.Compute(x, component, diff);
        Vector256<float> squaredNorm = Vector256<float>.Zero;
        int index = 1 + d;
        for (int j = 0; j < d; j++)
        {
            Vector256<float> y = Vector256<float>.Zero;
            for (int i = 0; i <= j; i++)
            {
                y = Vector256.FusedMultiplyAdd(diff[i], Vector256.Create(component[index++]), y);
            }

            squaredNorm = Vector256.FusedMultiplyAdd(y, y, squaredNorm);
        }

        return Vector256.FusedMultiplyAdd(
            squaredNorm, Vector256.Create(-0.5f), Vector256.Create(component[0]));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Accumulate(
        ReadOnlySpan<Vector256<float>> x,
        ReadOnlySpan<float> component,
        Vector256<float> r,
        Span<Vector256<float>> diff,
        Span<Vector256<float>> sums)
    {
        int d = x.Length;
        BlockDifferences.Compute(x, component, diff);
        sums[0] += r;
        int index = 1 + d;
        for (int i = 0; i < d; i++)
        {
            Vector256<float> weighted = r * diff[i];
            sums[1 + i] += weighted;
            for (int j = i; j < d; j++)
            {
                sums[index] = Vector256.FusedMultiplyAdd(weighted, diff[j], sums[index]);
                index++;
            }
        }
    }
}

/// <summary>Any D, diagonal factor: y_j = diff_j P[j]; diagonal second moments.</summary>
internal readonly struct DiagonalBlockMaths : IBlockMaths
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> LogDensity(
        ReadOnlySpan<Vector256<float>> x,
        ReadOnlySpan<float> component,
        Span<Vector256<float>> diff)
    {
        int d = x.Length;
        BlockDifferences.Compute(x, component, diff);
        Vector256<float> squaredNorm = Vector256<float>.Zero;
        for (int j = 0; j < d; j++)
        {
            Vector256<float> y = diff[j] * Vector256.Create(component[1 + d + j]);
            squaredNorm = Vector256.FusedMultiplyAdd(y, y, squaredNorm);
        }

        return Vector256.FusedMultiplyAdd(
            squaredNorm, Vector256.Create(-0.5f), Vector256.Create(component[0]));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Accumulate(
        ReadOnlySpan<Vector256<float>> x,
        ReadOnlySpan<float> component,
        Vector256<float> r,
        Span<Vector256<float>> diff,
        Span<Vector256<float>> sums)
    {
        int d = x.Length;
        BlockDifferences.Compute(x, component, diff);
        sums[0] += r;
        for (int i = 0; i < d; i++)
        {
            Vector256<float> weighted = r * diff[i];
            sums[1 + i] += weighted;
            sums[1 + d + i] = Vector256.FusedMultiplyAdd(weighted, diff[i], sums[1 + d + i]);
        }
    }
}

/// <summary>diff_i = x_i − mean_i, in float32 before anything is multiplied.</summary>
internal static class BlockDifferences
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Compute(
        ReadOnlySpan<Vector256<float>> x,
        ReadOnlySpan<float> component,
        Span<Vector256<float>> diff)
    {
        for (int i = 0; i < x.Length; i++)
        {
            diff[i] = x[i] - Vector256.Create(component[1 + i]);
        }
    }
}
