using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace GmmGpu.Backends.Cpu.Blocked;

/// <summary>
/// The log-sum-exp of a block's log-densities, eight points at a time down the components:
/// log p(x) = max + log Σ_k exp(L_k − max), which never overflows and is exact for the largest
/// term. Values are clamped at −float.MaxValue first, as in the SIMD pass, so that a degenerate
/// component gives no NaN.
/// </summary>
internal static class BlockResponsibilities
{
    private const int Width = 8;

    /// <summary>
    /// Fills <see cref="BlockScratch.LogProbability"/> for the first <paramref name="count"/>
    /// points and clamps their log-densities; with <paramref name="normalize"/>, turns those
    /// into responsibilities (zero for the padding points) and adds Σ log p(x) and Σ r into the
    /// chunk's sums.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Compute(BlockScratch scratch, int components, int count, bool normalize)
    {
        const int stride = BlockScratch.BlockRows;
        ref float tile = ref MemoryMarshal.GetArrayDataReference(scratch.LogDensity);
        Vector256<float> lowest = Vector256.Create(-float.MaxValue);
        Vector256<float> logLikelihood = Vector256<float>.Zero;
        Vector256<int> lane = Vector256.Create(0, 1, 2, 3, 4, 5, 6, 7);
        for (int first = 0; first < count; first += Width)
        {
            ref float column = ref Unsafe.Add(ref tile, first);
            Vector256<float> max = lowest;
            for (int k = 0; k < components; k++)
            {
                ref float value = ref Unsafe.Add(ref column, k * stride);
                Vector256<float> clamped =
                    Vector256.MaxNative(Vector256.LoadUnsafe(ref value), lowest);
                clamped.StoreUnsafe(ref value);
                max = Vector256.MaxNative(max, clamped);
            }

            Vector256<float> total = Vector256<float>.Zero;
            for (int k = 0; k < components; k++)
            {
                ref float value = ref Unsafe.Add(ref column, k * stride);
                Vector256<float> term = SimdMath.Exp(Vector256.LoadUnsafe(ref value) - max);
                if (normalize)
                {
                    term.StoreUnsafe(ref value);
                }

                total += term;
            }

            Vector256<float> logProbability = max + SimdMath.Log(total);
            logProbability.StoreUnsafe(ref scratch.LogProbability[first]);
            if (!normalize)
            {
                continue;
            }

            Vector256<float> valid =
                Vector256.LessThan(lane, Vector256.Create(count - first)).AsSingle();
            logLikelihood += logProbability & valid;
            Vector256<float> inverse = (Vector256<float>.One / total) & valid;
            for (int k = 0; k < components; k++)
            {
                ref float value = ref Unsafe.Add(ref column, k * stride);
                (Vector256.LoadUnsafe(ref value) * inverse).StoreUnsafe(ref value);
            }
        }

        if (normalize)
        {
            scratch.LogLikelihood += Vector256.Sum(Vector256.WidenLower(logLikelihood))
                + Vector256.Sum(Vector256.WidenUpper(logLikelihood));
            AddComponentSums(scratch, components, count);
        }
    }

    /// <summary>
    /// Nk += Σ r over the block's points: the groups of eight that were normalized, whose
    /// padding points hold zeros.
    /// </summary>
    private static void AddComponentSums(BlockScratch scratch, int components, int count)
    {
        int length = BlockScratch.RoundUp(count, Width);
        for (int k = 0; k < components; k++)
        {
            ReadOnlySpan<float> row = scratch.LogDensity.AsSpan(k * BlockScratch.BlockRows, length);
            Vector256<float> sum = Vector256<float>.Zero;
            for (int b = 0; b < length; b += Width)
            {
                sum += Vector256.Create(row.Slice(b, Width));
            }

            scratch.Nk[k] += Vector256.Sum(Vector256.WidenLower(sum))
                + Vector256.Sum(Vector256.WidenUpper(sum));
        }
    }
}
