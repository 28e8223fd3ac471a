using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using GmmGpu.Engine;

namespace GmmGpu.Backends.Cpu;

/// <summary>
/// The fused E-step over one chunk, two blocks of eight points at a time: component
/// log-densities, log-sum-exp and responsibilities per block, then the per-component sums for
/// both blocks together, in float32 per lane, flushed to float64 every
/// <see cref="PairsPerFlush"/> pairs. The last partial pair is padded with zeros and masked out.
/// </summary>
internal static class SimdStatisticsPass
{
    public const int Width = 8;

    /// <summary>Points per pair of blocks.</summary>
    public const int PairWidth = 2 * Width;

    // Every 256 points (32 values per lane): keeps the float32 sums accurate.
    private const int PairsPerFlush = 16;

    // Fully optimised from the first call: a fit's first iterations would otherwise run
    // tier-0 code, 5x slower.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static StatisticsPartial Run<TMaths>(
        ReadOnlySpan<float> rows,
        int count,
        SimdScratch scratch,
        StatisticsPartial partial)
        where TMaths : struct, IBlockMaths<TMaths>
    {
        int d = scratch.Model.Dimensions;
        int blockLength = Width * d;
        int fullPairs = count / PairWidth;
        Span<Vector256<float>> x = scratch.X;
        scratch.Clear();
        for (int pair = 0; pair < fullPairs; pair++)
        {
            ReadOnlySpan<float> pairRows = rows.Slice(2 * pair * blockLength, 2 * blockLength);
            BlockLoader.Load(pairRows[..blockLength], d, x[..d]);
            BlockLoader.Load(pairRows[blockLength..], d, x[d..]);
            ProcessPair<TMaths>(scratch, Vector256<float>.AllBitsSet, Vector256<float>.AllBitsSet);
            if (pair % PairsPerFlush == PairsPerFlush - 1)
            {
                scratch.Flush();
            }
        }

        int tail = count - (fullPairs * PairWidth);
        if (tail > 0)
        {
            Span<float> padded = scratch.PaddedRows;
            padded.Clear();
            rows.Slice(2 * fullPairs * blockLength, tail * d).CopyTo(padded);
            BlockLoader.LoadInOrder(padded[..blockLength], d, x[..d]);
            BlockLoader.LoadInOrder(padded[blockLength..], d, x[d..]);
            Vector256<int> lane = Vector256.Create(0, 1, 2, 3, 4, 5, 6, 7);
            Vector256<int> remaining = Vector256.Create(tail);
            ProcessPair<TMaths>(
                scratch,
                Vector256.LessThan(lane, remaining).AsSingle(),
                Vector256.LessThan(lane + Vector256.Create(Width), remaining).AsSingle());
        }

        scratch.Flush();
        return scratch.ToPartial(partial);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void ProcessPair<TMaths>(
        SimdScratch scratch,
        Vector256<float> valid,
        Vector256<float> nextValid)
        where TMaths : struct, IBlockMaths<TMaths>
    {
        SimdModel model = scratch.Model;
        int d = model.Dimensions;
        int components = model.Components;
        ref Vector256<float> x = ref MemoryMarshal.GetArrayDataReference(scratch.X);
        ref Vector256<float> nextX = ref Unsafe.Add(ref x, d);
        ref Vector256<float> diff = ref MemoryMarshal.GetArrayDataReference(scratch.Diff);
        ref Vector256<float> nextDiff = ref Unsafe.Add(ref diff, 1);
        ref Vector256<float> r = ref MemoryMarshal.GetArrayDataReference(scratch.LogDensity);
        ref Vector256<float> nextR = ref Unsafe.Add(ref r, components);
        ref Vector256<float> sums = ref MemoryMarshal.GetArrayDataReference(scratch.FloatSums);

        int stride = model.Stride;
        ref float parameters = ref MemoryMarshal.GetArrayDataReference(model.Parameters);
        Vector256<float> lowest = Vector256.Create(-float.MaxValue);
        Vector256<float> max = lowest;
        Vector256<float> nextMax = lowest;
        for (int k = 0; k < components; k++)
        {
            (Vector256<float> value, Vector256<float> nextValue) = TMaths.LogDensityPair(
                ref x,
                ref nextX,
                ref Unsafe.Add(ref parameters, k * stride),
                ref Unsafe.Add(ref diff, 2 * k * d),
                ref Unsafe.Add(ref nextDiff, 2 * k * d),
                d);
            value = Vector256.MaxNative(value, lowest);
            nextValue = Vector256.MaxNative(nextValue, lowest);
            Unsafe.Add(ref r, k) = value;
            Unsafe.Add(ref nextR, k) = nextValue;
            max = Vector256.MaxNative(max, value);
            nextMax = Vector256.MaxNative(nextMax, nextValue);
        }

        Responsibilities(scratch, ref r, max, valid);
        Responsibilities(scratch, ref nextR, nextMax, nextValid);
        for (int k = 0; k < components; k++)
        {
            var pair = new BlockPair(
                ref x,
                ref nextX,
                Unsafe.Add(ref r, k),
                Unsafe.Add(ref nextR, k),
                ref Unsafe.Add(ref diff, 2 * k * d),
                ref Unsafe.Add(ref nextDiff, 2 * k * d));
            TMaths.AccumulatePair(
                pair,
                ref Unsafe.Add(ref parameters, k * stride),
                ref Unsafe.Add(ref sums, k * stride),
                d);
        }
    }

    /// <summary>
    /// One block's log-densities in <c>r</c> (K vectors), with their maximum, into
    /// responsibilities (zero on invalid lanes); adds the block's log-likelihood.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Responsibilities(
        SimdScratch scratch,
        ref Vector256<float> r,
        Vector256<float> max,
        Vector256<float> valid)
    {
        int components = scratch.Model.Components;
        Vector256<float> total = Vector256<float>.Zero;
        for (int k = 0; k < components; k++)
        {
            ref Vector256<float> value = ref Unsafe.Add(ref r, k);
            value = SimdMath.Exp(value - max);
            total += value;
        }

        scratch.LogLikelihood += (max + SimdMath.Log(total)) & valid;
        Vector256<float> inverse = (Vector256<float>.One / total) & valid;
        for (int k = 0; k < components; k++)
        {
            Unsafe.Add(ref r, k) *= inverse;
        }
    }

    /// <summary>The pass specialised for the model's form and D.</summary>
    public static Func<ReadOnlySpan<float>, int, SimdScratch, StatisticsPartial, StatisticsPartial>
        For(
        SimdModel model) =>
        (model.Dimensions, model.Form) switch
        {
            (1, _) => Run<OneDimensionBlockMaths>,
            (2, PrecisionForm.Triangular) => Run<TwoDimensionBlockMaths>,
            (3, PrecisionForm.Triangular) => Run<ThreeDimensionBlockMaths>,
            (_, PrecisionForm.Triangular) => Run<TriangularBlockMaths>,
            _ => Run<DiagonalBlockMaths>,
        };
}
