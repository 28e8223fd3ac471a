using ILGPU;
using ILGPU.Algorithms;

namespace GmmGpu.Kernels;

/// <summary>Arguments of <see cref="WarpStatsKernel"/>.</summary>
public readonly struct WarpStatsParams
{
    /// <summary>The kernel's arguments (members say each shape).</summary>
    public WarpStatsParams(
        ArrayView<float> data, long rows, MixtureView model, ArrayView<double> partials)
    {
        Data = data;
        Rows = rows;
        Model = model;
        Partials = partials;
    }

    /// <summary>Points, shape (N, D), row-major.</summary>
    public ArrayView<float> Data { get; }

    /// <summary>N.</summary>
    public long Rows { get; }

    /// <summary>The mixture whose responsibilities weight the sums.</summary>
    public MixtureView Model { get; }

    /// <summary>Shape (groups, E): one partial row per group.</summary>
    public ArrayView<double> Partials { get; }

    /// <summary>Second moments per component: D(D+1)/2 (triangular) or D (diagonal).</summary>
    public int SecondMoments => TileLayout.MomentLength(
        Model.Form == DensityForm.Triangular ? MomentForm.Triangular : MomentForm.Diagonal,
        Model.Dimensions);

    /// <summary>E = K(1 + D + M) + 1 sums per row, ordered as in <see cref="TileLayout"/>.</summary>
    public int Entries => (Model.Components * (1 + Model.Dimensions + SecondMoments)) + 1;
}

/// <summary>
/// The fused E-step and sufficient statistics for small D, without shared memory per point.
/// </summary>
public static class WarpStatsKernel
{
    /// <summary>The largest D this kernel is specialised for.</summary>
    public const int MaxDimensions = 8;

    /// <summary>
    /// The sums of <see cref="ResponsibilityStatsKernel"/> (Nk, Sk, Qk about c_k = mean_k and
    /// Σ log p(x)), for D known at compile time. Each warp of W lanes takes W points at a time
    /// (batches g·w, g·w + all warps, ...), one per lane, with the point and its differences in
    /// registers: log p(x) by a streaming log-sum-exp over the components, then per component
    /// r_k and each of its 1 + D + M terms, summed over the W lanes by a butterfly of shuffles
    /// (float32, a fixed order, identical on every lane) and added in float64 to the warp's row
    /// in dynamic shared memory (warps · E doubles). After one barrier the group adds its
    /// warps' rows in order into its partial row; <see cref="ReducePartialsKernel"/> finishes.
    /// Lanes = min(warp size, group size), a power of two.
    /// </summary>
    public static void Execute<TFeatures>(WarpStatsParams args)
        where TFeatures : struct, IFeatureCount
    {
        ArrayView<double> shared = SharedMemory.GetDynamic<double>();
        int d = default(TFeatures).Value;
        int lanes = XMath.Min(Warp.WarpSize, Group.DimX);
        int lane = Group.IdxX % lanes;
        int warp = Group.IdxX / lanes;
        int warps = Group.DimX / lanes;
        int entries = args.Entries;
        int components = args.Model.Components;
        int moments = args.SecondMoments;
        long row = (long)warp * entries;
        for (int e = lane; e < entries; e += lanes)
        {
            shared[row + e] = 0.0;
        }

        Group.Barrier();
        ArrayView<float> x = LocalMemory.Allocate<float>(MaxDimensions);
        ArrayView<float> diff = LocalMemory.Allocate<float>(MaxDimensions);
        long step = (long)Grid.DimX * warps * lanes;
        for (long start = (((long)Grid.IdxX * warps) + warp) * lanes;
            start < args.Rows;
            start += step)
        {
            // A lane past the end reads the last point (no branch around the load) and adds 0.
            long point = start + lane;
            bool valid = point < args.Rows;
            long source = (valid ? point : args.Rows - 1) * d;
            for (int j = 0; j < d; j++)
            {
                x[j] = args.Data[source + j];
            }

            float logLikelihood = LogMixtureDensity(x, diff, args.Model, d);
            AddWarpSum(shared, row + entries - 1, valid ? logLikelihood : 0f, lane, lanes);
            for (int k = 0; k < components; k++)
            {
                float logDensity = LogDensity(x, diff, args.Model, k, d);
                float r = valid ? XMath.Exp(logDensity - logLikelihood) : 0f;
                AddWarpSum(shared, row + k, r, lane, lanes);
                long first = row + components + ((long)k * d);
                for (int i = 0; i < d; i++)
                {
                    AddWarpSum(shared, first + i, r * diff[i], lane, lanes);
                }

                long second = row + ((long)components * (1 + d)) + ((long)k * moments);
                if (args.Model.Form == DensityForm.Diagonal)
                {
                    for (int i = 0; i < d; i++)
                    {
                        AddWarpSum(shared, second + i, r * diff[i] * diff[i], lane, lanes);
                    }

                    continue;
                }

                int m = 0;
                for (int i = 0; i < d; i++)
                {
                    float ri = r * diff[i];
                    for (int j = i; j < d; j++)
                    {
                        AddWarpSum(shared, second + m, ri * diff[j], lane, lanes);
                        m++;
                    }
                }
            }
        }

        Group.Barrier();
        long output = (long)Grid.IdxX * entries;
        for (int e = Group.IdxX; e < entries; e += Group.DimX)
        {
            double sum = 0.0;
            for (int w = 0; w < warps; w++)
            {
                sum += shared[((long)w * entries) + e];
            }

            args.Partials[output + e] = sum;
        }
    }

    /// <summary>
    /// Adds Σ over the warp's lanes of <paramref name="value"/> to shared[index] (lane 0 writes).
    /// The butterfly adds a + b on one lane and b + a on its partner: the same bits everywhere.
    /// A generic shuffle from lane ^ mask (ILGPU's OpenCL backend has no xor shuffle).
    /// </summary>
    private static void AddWarpSum(
        ArrayView<double> shared, long index, float value, int lane, int lanes)
    {
        for (int mask = lanes / 2; mask > 0; mask /= 2)
        {
            value += Warp.Shuffle(value, lane ^ mask);
        }

        if (lane == 0)
        {
            shared[index] += value;
        }
    }

    /// <summary>log p(x) = logsumexp_k log(w_k N(x | k)), with a running maximum.</summary>
    private static float LogMixtureDensity(
        ArrayView<float> x, ArrayView<float> diff, in MixtureView model, int d)
    {
        float max = float.NegativeInfinity;
        float sum = 0f;
        for (int k = 0; k < model.Components; k++)
        {
            ComponentDensity.AddToLogSum(LogDensity(x, diff, model, k, d), ref max, ref sum);
        }

        return max + XMath.Log(sum);
    }

    /// <summary>
    /// log(w_k N(x | k)) as <see cref="ComponentDensity.LogDensity"/> computes it, leaving
    /// diff = x − mean_k in <paramref name="diff"/>.
    /// </summary>
    private static float LogDensity(
        ArrayView<float> x, ArrayView<float> diff, in MixtureView model, int k, int d)
    {
        long meanBase = (long)k * d;
        for (int i = 0; i < d; i++)
        {
            diff[i] = x[i] - model.Means[meanBase + i];
        }

        return ComponentDensity.LogDensityOfDifference(new ViewPoint(diff, 0), model, k);
    }
}
