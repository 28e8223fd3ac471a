using ILGPU;

namespace GmmGpu.Kernels;

/// <summary>Arguments of <see cref="LloydAssignKernel"/>.</summary>
public readonly struct LloydAssignParams
{
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
    public static void Execute(LloydAssignParams args)
    {
        ArrayView<float> shared = SharedMemory.GetDynamic<float>();
        TileLayout layout = args.Layout;
        int tilePoints = layout.TilePoints;
        int d = layout.Dimensions;
        int components = layout.Components;
        long tiles = (args.Rows + tilePoints - 1) / tilePoints;
        TileMoments.ClearRows(layout, args.Partials);
        for (long tile = Grid.IdxX; tile < tiles; tile += Grid.DimX)
        {
            long start = tile * tilePoints;
            long left = args.Rows - start;
            int count = left < tilePoints ? (int)left : tilePoints;
            TileMoments.LoadPoints(shared, layout, args.Data, start, count);
            Group.Barrier();
            for (int p = Group.IdxX; p < count; p += Group.DimX)
            {
                long point = layout.PointsOffset + (p * layout.PointStride);
                int best = 0;
                float bestDistance = float.PositiveInfinity;
                for (int k = 0; k < components; k++)
                {
                    float distance = MinSquaredDistanceKernel.SquaredDistance(
                        shared, point, args.Centres, (long)k * d, d);
                    if (distance < bestDistance)
                    {
                        best = k;
                        bestDistance = distance;
                    }
                }

                for (int k = 0; k < components; k++)
                {
                    shared[(k * tilePoints) + p] = k == best ? 1f : 0f;
                }

                shared[layout.ScalarsOffset + p] = bestDistance;
            }

            Group.Barrier();
            TileMoments.Accumulate(shared, layout, count, args.Centres, args.Partials);
            Group.Barrier();
        }
    }
}
