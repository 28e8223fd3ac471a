using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using GmmGpu.Backends.Cpu.Blocked;
using GmmGpu.Engine;
using GmmGpu.Kernels;

namespace GmmGpu.Backends.Cpu;

/// <summary>The k-means passes (k-means++ seeding and Lloyd steps), over one chunk each.</summary>
internal static class KMeansPasses
{
    /// <summary>|x − centre|², the difference taken first in float32.</summary>
    public static float SquaredDistance(ReadOnlySpan<float> x, ReadOnlySpan<float> centre)
    {
        float sum = 0;
        for (int i = 0; i < x.Length; i++)
        {
            float diff = x[i] - centre[i];
            sum += diff * diff;
        }

        return sum;
    }

    /// <summary>
    /// One chunk's k-means++ candidate: folds <paramref name="newSeeds"/> (shape (m, D)) into
    /// the rows' D(x_i)² = min_j |x_i − c_j|² (float32, <paramref name="distances"/>, one per
    /// row), then returns the smallest exponential key −ln(u_i) / D(x_i)² over its rows (lower
    /// row on equal keys); row −1 when every D² is 0.
    /// </summary>
    public static SampleCandidate SampleByMinSquaredDistance(
        ReadOnlySpan<float> rows,
        long start,
        int dimensions,
        ReadOnlySpan<float> newSeeds,
        Span<float> distances,
        ulong seed)
    {
        for (int c = 0; c < newSeeds.Length; c += dimensions)
        {
            FoldDistances(rows, dimensions, newSeeds.Slice(c, dimensions), distances);
        }

        SampleCandidate best = SampleCandidate.None;
        for (int n = 0; n < distances.Length; n++)
        {
            float weight = distances[n];
            if (!(weight > 0f))
            {
                continue;
            }

            // −ln u ≥ 1 − u: a row whose (1 − u)/D² already exceeds the best key cannot win,
            // and needs no logarithm (the margin covers the rounding of both sides).
            long row = start + n;
            if (best.Row >= 0
                && 1.0 - ExponentialKeys.Uniform(seed, row) > best.Key * weight * (1.0 + 1e-9))
            {
                continue;
            }

            double key = ExponentialKeys.Key(seed, row, weight);
            if (ExponentialKeys.Precedes(key, row, best.Key, best.Row))
            {
                best = new SampleCandidate(key, row);
            }
        }

        return best;
    }

    /// <summary>
    /// distances[n] = |x_n − centre|² where that is smaller: the same float32 sum, feature by
    /// feature, as <see cref="SquaredDistance"/>, 8 rows at a time in the lanes of a vector
    /// (each 8×8 square of the rows transposed in registers).
    /// </summary>
    private static void FoldDistances(
        ReadOnlySpan<float> rows,
        int dimensions,
        ReadOnlySpan<float> centre,
        Span<float> distances)
    {
        const int lanes = 8;
        int n = 0;
        if (RegisterTranspose.IsSupported)
        {
            int squares = dimensions / lanes * lanes;
            Span<float> sums = stackalloc float[lanes];
            for (; n + lanes <= distances.Length; n += lanes)
            {
                ReadOnlySpan<float> group = rows.Slice(n * dimensions, lanes * dimensions);
                Vector256<float> sum = Vector256<float>.Zero;
                for (int i = 0; i < squares; i += lanes)
                {
                    sum = AddSquare(group, dimensions, i, centre, sum);
                }

                sum.CopyTo(sums);
                for (int lane = 0; lane < lanes; lane++)
                {
                    // The features past the last square, continuing each row's sum in order.
                    float total = sums[lane];
                    ReadOnlySpan<float> x = group.Slice(lane * dimensions, dimensions);
                    for (int i = squares; i < dimensions; i++)
                    {
                        float difference = x[i] - centre[i];
                        total += difference * difference;
                    }

                    if (total < distances[n + lane])
                    {
                        distances[n + lane] = total;
                    }
                }
            }
        }

        for (; n < distances.Length; n++)
        {
            float distance = SquaredDistance(rows.Slice(n * dimensions, dimensions), centre);
            if (distance < distances[n])
            {
                distances[n] = distance;
            }
        }
    }

    /// <summary>
    /// sum + Σ_{j &lt; 8} (x_{·,i+j} − c_{i+j})², feature by feature, for 8 rows at once: the
    /// rows' features i..i+7 transposed in registers.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<float> AddSquare(
        ReadOnlySpan<float> group,
        int dimensions,
        int i,
        ReadOnlySpan<float> centre,
        Vector256<float> sum)
    {
        RegisterTranspose.Load8x8(
            ref Unsafe.Add(ref MemoryMarshal.GetReference(group), i),
            dimensions,
            out Vector256<float> c0,
            out Vector256<float> c1,
            out Vector256<float> c2,
            out Vector256<float> c3,
            out Vector256<float> c4,
            out Vector256<float> c5,
            out Vector256<float> c6,
            out Vector256<float> c7);
        sum = AddSquared(sum, c0, centre[i]);
        sum = AddSquared(sum, c1, centre[i + 1]);
        sum = AddSquared(sum, c2, centre[i + 2]);
        sum = AddSquared(sum, c3, centre[i + 3]);
        sum = AddSquared(sum, c4, centre[i + 4]);
        sum = AddSquared(sum, c5, centre[i + 5]);
        sum = AddSquared(sum, c6, centre[i + 6]);
        return AddSquared(sum, c7, centre[i + 7]);
    }

    /// <summary>sum + (x − c)², multiplied then added: the scalar sum is not fused either.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<float> AddSquared(Vector256<float> sum, Vector256<float> x, float c)
    {
        Vector256<float> difference = x - Vector256.Create(c);
        return sum + (difference * difference);
    }

    /// <summary>
    /// Assigns one chunk's points to their nearest centres and sums per centre; with
    /// <paramref name="blocked"/>, finds the nearest centres a block at a time (the same
    /// centres and distances, faster at large K).
    /// </summary>
    public static LloydPartial LloydStep(
        ReadOnlySpan<float> rows,
        int count,
        int dimensions,
        ReadOnlySpan<float> centres,
        int components,
        NearestCentres? blocked)
    {
        var partial = new LloydPartial(components, dimensions);
        float[] scratch = blocked?.CreateScratch() ?? [];
        Span<int> nearest = stackalloc int[BlockScratch.BlockRows];
        Span<float> distance = stackalloc float[BlockScratch.BlockRows];
        for (int first = 0; first < count; first += BlockScratch.BlockRows)
        {
            int points = Math.Min(BlockScratch.BlockRows, count - first);
            ReadOnlySpan<float> block = rows.Slice(first * dimensions, points * dimensions);
            if (blocked is null)
            {
                Nearest(block, dimensions, centres, components, nearest, distance);
            }
            else
            {
                blocked.Find(block, points, scratch, nearest, distance);
            }

            for (int n = 0; n < points; n++)
            {
                partial.Counts[nearest[n]]++;
                Span<double> sum = partial.Sums.AsSpan(nearest[n] * dimensions, dimensions);
                ReadOnlySpan<float> x = block.Slice(n * dimensions, dimensions);
                for (int i = 0; i < dimensions; i++)
                {
                    sum[i] += x[i];
                }

                partial.Inertia += distance[n];
            }
        }

        return partial;
    }

    /// <summary>The nearest centre (the lowest on a tie) of each point, one at a time.</summary>
    private static void Nearest(
        ReadOnlySpan<float> block,
        int dimensions,
        ReadOnlySpan<float> centres,
        int components,
        Span<int> nearest,
        Span<float> distance)
    {
        for (int n = 0; n < block.Length / dimensions; n++)
        {
            ReadOnlySpan<float> x = block.Slice(n * dimensions, dimensions);
            int index = 0;
            float best = float.PositiveInfinity;
            for (int k = 0; k < components; k++)
            {
                float candidate = SquaredDistance(x, centres.Slice(k * dimensions, dimensions));
                if (candidate < best)
                {
                    best = candidate;
                    index = k;
                }
            }

            nearest[n] = index;
            distance[n] = best;
        }
    }
}

/// <summary>One chunk's Lloyd-step sums, in float64.</summary>
internal sealed class LloydPartial(int components, int dimensions)
{
    public double[] Counts { get; } = new double[components];

    public double[] Sums { get; } = new double[components * dimensions];

    public double Inertia { get; set; }
}
