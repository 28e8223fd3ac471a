using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

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
        ReadOnlySpan<float> parameters = model.Parameters;
        ReadOnlySpan<Vector256<float>> x = scratch.X;
        Span<Vector256<float>> diff = scratch.Diff;
        Span<Vector256<float>> logDensity = scratch.LogDensity;
        Span<Vector256<float>> sums = scratch.FloatSums;
        int components = model.Components;
        int stride = model.Stride;

        Vector256<float> lowest = Vector256.Create(-float.MaxValue);
        Vector256<float> max = lowest;
        for (int k = 0; k < components; k++)
        {
            Vector256<float> value = Vector256.Max(
                TMaths.LogDensity(x, parameters.Slice(k * stride, stride), diff), lowest);
            logDensity[k] = value;
            max = Vector256.Max(max, value);
        }

        Vector256<float> total = Vector256<float>.Zero;
        for (int k = 0; k < components; k++)
        {
            Vector256<float> weight = SimdMath.Exp(logDensity[k] - max);
            logDensity[k] = weight;
            total += weight;
        }

        scratch.LogLikelihood += (max + SimdMath.Log(total)) & valid;
        Vector256<float> inverse = (Vector256<float>.One / total) & valid;
        for (int k = 0; k < components; k++)
        {
            TMaths.Accumulate(
                x,
                parameters.Slice(k * stride, stride),
                logDensity[k] * inverse,
                diff,
                sums.Slice(k * stride, stride));
        }
    }
}
