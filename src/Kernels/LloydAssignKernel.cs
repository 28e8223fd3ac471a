using ILGPU;

namespace GmmGpu.Kernels;

/// <summary>Arguments of <see cref="LloydAssignKernel"/>.</summary>
public readonly struct LloydAssignParams
{
    /// <summary>The arguments of one Lloyd launch (members say each).</summary>
    public LloydAssignParams(
        ArrayView<float> data,
        long rows,
        ArrayView<float> centres,
        TileLayout layout,
        ArrayView<double> partials)
    {
        Data = data;
        Rows = rows;
        Centres = centres;
        Layout = layout;
        Partials = partials;
    }

    /// <summary>Points, shape (N, D), row-major.</summary>
    public ArrayView<float> Data { get; }

    /// <summary>N, the points to assign, ≥ 0.</summary>
    public long Rows { get; }

    /// <summary>Shape (K, D), row-major.</summary>
    public ArrayView<float> Centres { get; }

    /// <summary>K weights (one-hot), no second moments.</summary>
    public TileLayout Layout { get; }

    /// <summary>Shape (groups · L, K(1 + D) + 1).</summary>
    public ArrayView<double> Partials { get; }
}

/// <summary>One Lloyd step of k-means.</summary>
public static class LloydAssignKernel
{
    /// <summary>
    /// a_i = argmin_k |x_i − c_k|² (lowest k on ties); per centre the count Σ [a_i = k] and
    /// the sums Σ [a_i = k](x_i − c_k) about the centre (the host adds count·c_k), and the
    /// inertia Σ_i |x_i − c_{a_i}|², as float64 partial rows per group.
    /// </summary>
    public static void Execute(LloydAssignParams args) =>
        TileMoments.Run(
            args.Data,
            args.Rows,
            args.Layout,
            args.Centres,
            args.Partials,
            new AssignPass(args.Centres));

    /// <summary>Weights: one-hot nearest centre; scalars: the squared distance to it.</summary>
    private readonly struct AssignPass : ITilePass
    {
        private readonly ArrayView<float> centres;

        public AssignPass(ArrayView<float> centres) => this.centres = centres;

        public void Compute(ArrayView<float> shared, in TileLayout layout, long start, int count)
        {
            int weightStride = layout.WeightStride;
            int d = layout.Dimensions;
            int components = layout.Components;
            for (int p = Group.IdxX; p < count; p += Group.DimX)
            {
                int point = layout.PointsOffset + (p * layout.PointStride);
                int best = 0;
                float bestDistance = float.PositiveInfinity;
                for (int k = 0; k < components; k++)
                {
                    float distance = PointDistance.Squared(
                        shared, point, centres, (long)k * d, d);
                    if (distance < bestDistance)
                    {
                        best = k;
                        bestDistance = distance;
                    }
                }

                for (int k = 0; k < components; k++)
                {
                    shared[(k * weightStride) + p] = k == best ? 1f : 0f;
                }

                shared[layout.ScalarsOffset + p] = bestDistance;
            }
        }
    }
}
