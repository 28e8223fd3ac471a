using ILGPU;

namespace GmmGpu.Kernels;

/// <summary>Arguments of <see cref="MinSquaredDistanceKernel"/>.</summary>
public readonly struct MinSquaredDistanceParams
{
    public MinSquaredDistanceParams(
        ArrayView<float> data,
        long rows,
        ArrayView<float> centre,
        ArrayView<float> minSquaredDistance,
        int reset,
        TileLayout layout,
        ArrayView<double> partials)
    {
        Data = data;
        Rows = rows;
        Centre = centre;
        MinSquaredDistance = minSquaredDistance;
        Reset = reset;
        Layout = layout;
        Partials = partials;
    }

    /// <summary>Points, shape (N, D), row-major.</summary>
    public ArrayView<float> Data { get; }

    public long Rows { get; }

    /// <summary>Shape (D).</summary>
    public ArrayView<float> Centre { get; }

    /// <summary>Shape (N), read and written.</summary>
    public ArrayView<float> MinSquaredDistance { get; }

    /// <summary>1: ignore the previous distances; 0: keep the minimum.</summary>
    public int Reset { get; }

    /// <summary>K = 0, no moments: the only sum is Σ d_i.</summary>
    public TileLayout Layout { get; }

    /// <summary>Shape (groups · L, 1).</summary>
    public ArrayView<double> Partials { get; }
}

/// <summary>The k-means++ distance update.</summary>
public static class MinSquaredDistanceKernel
{
    /// <summary>
    /// d_i = min(d_i, |x_i − c|²) (or |x_i − c|² on reset), and Σ_i d_i in float64 per group
    /// (float32 within chunks of a lane), reduced by <see cref="ReducePartialsKernel"/>.
    /// </summary>
    public static void Execute(MinSquaredDistanceParams args) =>
        TileMoments.Run(
            args.Data,
            args.Rows,
            args.Layout,
            args.Centre,
            args.Partials,
            new DistancePass(args.Centre, args.MinSquaredDistance, args.Reset));

    /// <summary>Σ_i (x[xOffset + i] − c[cOffset + i])², in float32.</summary>
    public static float SquaredDistance(
        ArrayView<float> x, long xOffset, ArrayView<float> centres, long cOffset, int d)
    {
        float sum = 0f;
        for (int i = 0; i < d; i++)
        {
            float diff = x[xOffset + i] - centres[cOffset + i];
            sum += diff * diff;
        }

        return sum;
    }

    /// <summary>No weights; scalars: the updated d_i, also written back to global memory.</summary>
    private readonly struct DistancePass : ITilePass
    {
        private readonly ArrayView<float> centre;
        private readonly ArrayView<float> minSquaredDistance;
        private readonly int reset;

        public DistancePass(ArrayView<float> centre, ArrayView<float> minSquaredDistance, int reset)
        {
            this.centre = centre;
            this.minSquaredDistance = minSquaredDistance;
            this.reset = reset;
        }

        public void Compute(ArrayView<float> shared, in TileLayout layout, long start, int count)
        {
            int d = layout.Dimensions;
            for (int p = Group.IdxX; p < count; p += Group.DimX)
            {
                float distance = SquaredDistance(
                    shared, layout.PointsOffset + (p * layout.PointStride), centre, 0, d);
                float previous = minSquaredDistance[start + p];
                if (reset == 0 && previous < distance)
                {
                    distance = previous;
                }

                minSquaredDistance[start + p] = distance;
                shared[layout.ScalarsOffset + p] = distance;
            }
        }
    }
}
