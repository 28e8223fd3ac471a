using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace GmmGpu.Backends.Cpu;

/// <summary>Any D, triangular factor: y_j = Σ_{i≤j} diff_i P[i,j]; packed upper moments.</summary>
internal readonly struct TriangularBlockMaths : IBlockMaths<TriangularBlockMaths>
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> LogDensity(
        ref Vector256<float> x,
        ref float component,
        ref Vector256<float> diff,
        int d)
    {
        BlockOps.Compute(ref x, ref component, ref diff, d);
        Vector256<float> squaredNorm = Vector256<float>.Zero;
        ref float factor = ref Unsafe.Add(ref component, 1 + d);

        // Columns j and j + 1 of the factor together: they share diff_0..diff_j.
        int j = 0;
        for (; j + 1 < d; j += 2)
        {
            ref float next = ref Unsafe.Add(ref factor, j + 1);
            Vector256<float> y = Vector256<float>.Zero;
            Vector256<float> yNext = Vector256<float>.Zero;
            for (int i = 0; i <= j; i++)
            {
                Vector256<float> difference = BlockOps.Difference(ref diff, i);
                y = Vector256.FusedMultiplyAdd(
                    difference, Vector256.Create(Unsafe.Add(ref factor, i)), y);
                yNext = Vector256.FusedMultiplyAdd(
                    difference, Vector256.Create(Unsafe.Add(ref next, i)), yNext);
            }

            yNext = Vector256.FusedMultiplyAdd(
                BlockOps.Difference(ref diff, j + 1),
                Vector256.Create(Unsafe.Add(ref next, j + 1)),
                yNext);
            squaredNorm = Vector256.FusedMultiplyAdd(y, y, squaredNorm);
            squaredNorm = Vector256.FusedMultiplyAdd(yNext, yNext, squaredNorm);
            factor = ref Unsafe.Add(ref next, j + 2);
        }

        if (j < d)
        {
            Vector256<float> y = Vector256<float>.Zero;
            for (int i = 0; i <= j; i++)
            {
                y = Vector256.FusedMultiplyAdd(
                    BlockOps.Difference(ref diff, i),
                    Vector256.Create(Unsafe.Add(ref factor, i)),
                    y);
            }

            squaredNorm = Vector256.FusedMultiplyAdd(y, y, squaredNorm);
        }

        return BlockOps.Normalize(squaredNorm, component);
    }

    /// <summary>Both blocks as one 16-lane vector where that is fast: half the FMAs.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static (Vector256<float> LogDensity, Vector256<float> Next) LogDensityPair(
        ref Vector256<float> x,
        ref Vector256<float> nextX,
        ref float component,
        ref Vector256<float> diff,
        ref Vector256<float> nextDiff,
        int d)
    {
        if (!BlockOps.Wide)
        {
            return (LogDensity(ref x, ref component, ref diff, d),
                LogDensity(ref nextX, ref component, ref nextDiff, d));
        }

        ref Vector512<float> both = ref Unsafe.As<Vector256<float>, Vector512<float>>(ref diff);
        for (int i = 0; i < d; i++)
        {
            Unsafe.Add(ref both, i) =
                Vector512.Create(Unsafe.Add(ref x, i), Unsafe.Add(ref nextX, i))
                - Vector512.Create(Unsafe.Add(ref component, 1 + i));
        }

        ref float factor = ref Unsafe.Add(ref component, 1 + d);
        Vector512<float> squaredNorm = Vector512<float>.Zero;
        for (int j = 0; j < d; j++)
        {
            Vector512<float> y = Vector512<float>.Zero;
            for (int i = 0; i <= j; i++)
            {
                y = Vector512.FusedMultiplyAdd(
                    Unsafe.Add(ref both, i), Vector512.Create(Unsafe.Add(ref factor, i)), y);
            }

            squaredNorm = Vector512.FusedMultiplyAdd(y, y, squaredNorm);
            factor = ref Unsafe.Add(ref factor, j + 1);
        }

        Vector512<float> value = Vector512.FusedMultiplyAdd(
            squaredNorm, Vector512.Create(-0.5f), Vector512.Create(component));
        return (value.GetLower(), value.GetUpper());
    }

    /// <summary>One block: the pair's sums with an empty second block.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Accumulate(
        ref Vector256<float> x,
        ref float component,
        Vector256<float> r,
        ref Vector256<float> diff,
        ref Vector256<float> sums,
        int d) =>
        AccumulatePair(
            new BlockPair(ref x, ref x, r, Vector256<float>.Zero, ref diff, ref diff),
            ref component,
            ref sums,
            d);

    /// <summary>
    /// Both blocks into each sum before it is stored: the sums' loads and stores, not the
    /// FMAs, bound the one-block-at-a-time form at larger D.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void AccumulatePair(
        in BlockPair pair,
        ref float component,
        ref Vector256<float> sums,
        int d)
    {
        Vector256<float> r = pair.R;
        Vector256<float> nextR = pair.NextR;
        ref Vector256<float> diff = ref pair.Diff;
        ref Vector256<float> nextDiff = ref pair.NextDiff;
        sums += r + nextR;
        ref Vector256<float> row = ref Unsafe.Add(ref sums, 1 + d);

        // Rows i and i + 1 of the packed moments together: they share diff_{i+1}..diff_{D-1}.
        int i = 0;
        for (; i + 1 < d; i += 2)
        {
            Vector256<float> a = BlockOps.Difference(ref diff, i);
            Vector256<float> b = BlockOps.Difference(ref nextDiff, i);
            Vector256<float> weighted = r * a;
            Vector256<float> nextWeighted = nextR * b;
            Vector256<float> weightedRow = r * BlockOps.Difference(ref diff, i + 1);
            Vector256<float> nextWeightedRow = nextR * BlockOps.Difference(ref nextDiff, i + 1);
            Unsafe.Add(ref sums, 1 + i) += weighted + nextWeighted;
            Unsafe.Add(ref sums, 2 + i) += weightedRow + nextWeightedRow;
            AddPair(ref row, weighted, a, nextWeighted, b);
            ref Vector256<float> nextRow = ref Unsafe.Add(ref row, d - i);
            for (int j = i + 1; j < d; j++)
            {
                Vector256<float> difference = BlockOps.Difference(ref diff, j);
                Vector256<float> nextDifference = BlockOps.Difference(ref nextDiff, j);
                AddPair(
                    ref Unsafe.Add(ref row, j - i),
                    weighted,
                    difference,
                    nextWeighted,
                    nextDifference);
                AddPair(
                    ref Unsafe.Add(ref nextRow, j - i - 1),
                    weightedRow,
                    difference,
                    nextWeightedRow,
                    nextDifference);
            }

            row = ref Unsafe.Add(ref nextRow, d - i - 1);
        }

        if (i < d)
        {
            Vector256<float> a = BlockOps.Difference(ref diff, i);
            Vector256<float> b = BlockOps.Difference(ref nextDiff, i);
            Vector256<float> weighted = r * a;
            Vector256<float> nextWeighted = nextR * b;
            Unsafe.Add(ref sums, 1 + i) += weighted + nextWeighted;
            AddPair(ref row, weighted, a, nextWeighted, b);
        }
    }

    /// <summary>sum += a·b + c·e, two FMAs, one load and store.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void AddPair(
        ref Vector256<float> sum,
        Vector256<float> a,
        Vector256<float> b,
        Vector256<float> c,
        Vector256<float> e) =>
        sum = Vector256.FusedMultiplyAdd(c, e, Vector256.FusedMultiplyAdd(a, b, sum));
}

/// <summary>Any D, diagonal factor: y_j = diff_j P[j]; diagonal second moments.</summary>
internal readonly struct DiagonalBlockMaths : IBlockMaths<DiagonalBlockMaths>
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> LogDensity(
        ref Vector256<float> x,
        ref float component,
        ref Vector256<float> diff,
        int d)
    {
        BlockOps.Compute(ref x, ref component, ref diff, d);
        Vector256<float> squaredNorm = Vector256<float>.Zero;
        for (int j = 0; j < d; j++)
        {
            Vector256<float> y = BlockOps.Difference(ref diff, j)
                * Vector256.Create(Unsafe.Add(ref component, 1 + d + j));
            squaredNorm = Vector256.FusedMultiplyAdd(y, y, squaredNorm);
        }

        return BlockOps.Normalize(squaredNorm, component);
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
        sums += r;
        for (int i = 0; i < d; i++)
        {
            Vector256<float> weighted = r * BlockOps.Difference(ref diff, i);
            Unsafe.Add(ref sums, 1 + i) += weighted;
            ref Vector256<float> moment = ref Unsafe.Add(ref sums, 1 + d + i);
            moment = Vector256.FusedMultiplyAdd(weighted, BlockOps.Difference(ref diff, i), moment);
        }
    }
}

/// <summary>Pieces every form shares.</summary>
internal static class BlockOps
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
            BlockOps.Difference(ref diff, i) =
                Unsafe.Add(ref x, i) - Vector256.Create(Unsafe.Add(ref component, 1 + i));
        }
    }

    /// <summary>Whether pairs of blocks' log-densities are 512-bit vectors.</summary>
    public static bool Wide => Vector512.IsHardwareAccelerated;

    /// <summary>
    /// diff_i of one block: a pair's two blocks' differences interleave, so that the two lie
    /// side by side as one 512-bit vector.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ref Vector256<float> Difference(ref Vector256<float> diff, int i) =>
        ref Unsafe.Add(ref diff, 2 * i);

    /// <summary>sum += a·b, fused.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void AddProduct(
        ref Vector256<float> sum,
        Vector256<float> a,
        Vector256<float> b) =>
        sum = Vector256.FusedMultiplyAdd(a, b, sum);

    /// <summary>The component's parameter at index, on every lane.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> Parameter(ref float component, int index) =>
        Vector256.Create(Unsafe.Add(ref component, index));

    /// <summary>LogNormalizer − ½|y|².</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> Normalize(Vector256<float> squaredNorm, float logNormalizer) =>
        Vector256.FusedMultiplyAdd(
            squaredNorm, Vector256.Create(-0.5f), Vector256.Create(logNormalizer));
}
