using ILGPU;

namespace GmmGpu.Kernels;

/// <summary>Arguments of <see cref="SampleByMinSquaredDistanceKernel"/>.</summary>
public readonly struct SampleByMinSquaredDistanceParams
{
    /// <summary>The arguments of one k-means++ draw (members say each).</summary>
    public SampleByMinSquaredDistanceParams(
        ArrayView<float> data,
        long rows,
        int dimensions,
        ArrayView<float> centres,
        int count,
        ulong seed,
        ArrayView<double> partials)
    {
        Data = data;
        Rows = rows;
        Dimensions = dimensions;
        Centres = centres;
        Count = count;
        Seed = seed;
        Partials = partials;
    }

    /// <summary>Points, shape (N, D), row-major.</summary>
    public ArrayView<float> Data { get; }

    /// <summary>N, ≥ 1.</summary>
    public long Rows { get; }

    /// <summary>D, ≥ 1.</summary>
    public int Dimensions { get; }

    /// <summary>Shape (count, D), row-major.</summary>
    public ArrayView<float> Centres { get; }

    /// <summary>Centres so far (≥ 1).</summary>
    public int Count { get; }

    /// <summary>
    /// Seed of this draw: each point's exponential key is a hash of it and the row.
    /// </summary>
    public ulong Seed { get; }

    /// <summary>
    /// Shape (2, G): each group's smallest key, then its row as a double (−1: none).
    /// </summary>
    public ArrayView<double> Partials { get; }
}

/// <summary>The k-means++ draw: one point with probability proportional to D(x)².</summary>
public static class SampleByMinSquaredDistanceKernel
{
    /// <summary>
    /// D(x_i)² = min_j |x_i − c_j|² (float32, lowest j on ties), key_i = −ln(u_i) / D(x_i)²
    /// (<see cref="ExponentialKeys"/>; +∞ when D² = 0). Thread t of group g takes rows
    /// g·T + t, + G·T, ... and keeps its smallest (key, row), lower row on equal keys; a
    /// pairwise tree over the T threads in shared memory (T a power of two; 2T doubles of
    /// dynamic shared memory) gives the group's pair. The host reduces the G pairs in group
    /// order; min over (key, row) is order-free, so the row drawn does not depend on G or T.
    /// </summary>
    public static void Execute(SampleByMinSquaredDistanceParams args)
    {
        ArrayView<double> shared = SharedMemory.GetDynamic<double>();
        int thread = Group.IdxX;
        int size = Group.DimX;
        int d = args.Dimensions;
        double bestKey = double.PositiveInfinity;
        long bestRow = -1;
        long stride = (long)Grid.DimX * size;
        for (long row = ((long)Grid.IdxX * size) + thread; row < args.Rows; row += stride)
        {
            float distance = float.PositiveInfinity;
            for (int c = 0; c < args.Count; c++)
            {
                float candidate = PointDistance.Squared(
                    args.Data, row * d, args.Centres, (long)c * d, d);
                if (candidate < distance)
                {
                    distance = candidate;
                }
            }

            double key = ExponentialKeys.Key(args.Seed, row, distance);
            if (ExponentialKeys.Precedes(key, row, bestKey, bestRow))
            {
                bestKey = key;
                bestRow = row;
            }
        }

        shared[thread] = bestKey;
        shared[size + thread] = bestRow;
        Group.Barrier();
        for (int half = size / 2; half > 0; half /= 2)
        {
            if (thread < half)
            {
                double key = shared[thread + half];
                var row = (long)shared[size + thread + half];
                if (ExponentialKeys.Precedes(key, row, shared[thread], (long)shared[size + thread]))
                {
                    shared[thread] = key;
                    shared[size + thread] = row;
                }
            }

            Group.Barrier();
        }

        if (thread == 0)
        {
            args.Partials[Grid.IdxX] = shared[0];
            args.Partials[Grid.DimX + Grid.IdxX] = shared[size];
        }
    }
}
