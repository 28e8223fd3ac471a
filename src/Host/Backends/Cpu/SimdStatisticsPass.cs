using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using GmmGpu.Engine;

namespace GmmGpu.Backends.Cpu;

/// <summary>
/// The fused E-step over one chunk, eight points per block: component log-densities,
/// log-sum-exp, responsibilities and the per-component sums, in float32 per lane, flushed to
/// float64 every <see cref="BlocksPerFlush"/> blocks. The last partial block is padded with
/// zeros and masked out.
/// </summary>
internal static class SimdStatisticsPass
{
    public const int Width = 8;

    private const int BlocksPerFlush = 32;

    // Fully optimised from the first call: a fit's first iterations would otherwise run
    // tier-0 code, 5x slower.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static StatisticsPartial Run<TMaths>(
        ReadOnlySpan<float> rows,
        int count,
        SimdScratch scratch)
        where TMaths : struct, IBlockMaths
    {
        int d = scratch.Model.Dimensions;
        int blockLength = Width * d;
        int fullBlocks = count / Width;
        scratch.Clear();
        for (int block = 0; block < fullBlocks; block++)
        {
            BlockLoader.Load(rows.Slice(block * blockLength, blockLength), d, scratch.X);
            ProcessBlock<TMaths>(scratch, Vector256<float>.AllBitsSet);
            if (block % BlocksPerFlush == BlocksPerFlush - 1)
            {
                scratch.Flush();
            }
        }

        int tail = count - (fullBlocks * Width);
        if (tail > 0)
        {
            Span<float> padded = scratch.PaddedRows;
            padded.Clear();
            rows.Slice(fullBlocks * blockLength, tail * d).CopyTo(padded);
            BlockLoader.LoadInOrder(padded, d, scratch.X);
            Vector256<float> valid = Vector256.LessThan(
                Vector256.Create(0, 1, 2, 3, 4, 5, 6, 7), Vector256.Create(tail)).AsSingle();
            ProcessBlock<TMaths>(scratch, valid);
        }

        scratch.Flush();
        return scratch.ToPartial();
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void ProcessBlock<TMaths>(SimdScratch scratch, Vector256<float> valid)
        where TMaths : struct, IBlockMaths
    {
        SimdModel model = scratch.Model;
        int d = model.Dimensions;
        int components = model.Components;
        int stride = model.Stride;
        ref float parameters = ref MemoryMarshal.GetArrayDataReference(model.Parameters);
        ref Vector256<float> x = ref MemoryMarshal.GetArrayDataReference(scratch.X);
        ref Vector256<float> diff = ref MemoryMarshal.GetArrayDataReference(scratch.Diff);
        ref Vector256<float> logDensity =
            ref MemoryMarshal.GetArrayDataReference(scratch.LogDensity);
        ref Vector256<float> sums = ref MemoryMarshal.GetArrayDataReference(scratch.FloatSums);

        Vector256<float> lowest = Vector256.Create(-float.MaxValue);
        Vector256<float> max = lowest;
        for (int k = 0; k < components; k++)
        {
            Vector256<float> value = Vector256.MaxNative(
                TMaths.LogDensity(
                    ref x,
                    ref Unsafe.Add(ref parameters, k * stride),
                    ref Unsafe.Add(ref diff, k * d),
                    d),
                lowest);
            Unsafe.Add(ref logDensity, k) = value;
            max = Vector256.MaxNative(max, value);
        }

        Vector256<float> total = Vector256<float>.Zero;
        for (int k = 0; k < components; k++)
        {
            ref Vector256<float> value = ref Unsafe.Add(ref logDensity, k);
            value = SimdMath.Exp(value - max);
            total += value;
        }

        scratch.LogLikelihood += (max + SimdMath.Log(total)) & valid;
        Vector256<float> inverse = (Vector256<float>.One / total) & valid;
        for (int k = 0; k < components; k++)
        {
            TMaths.Accumulate(
                ref x,
                ref Unsafe.Add(ref parameters, k * stride),
                Unsafe.Add(ref logDensity, k) * inverse,
                ref Unsafe.Add(ref diff, k * d),
                ref Unsafe.Add(ref sums, k * stride),
                d);
        }
    }

    /// <summary>The pass specialised for the model's form and D.</summary>
    public static Func<ReadOnlySpan<float>, int, SimdScratch, StatisticsPartial> For(
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
