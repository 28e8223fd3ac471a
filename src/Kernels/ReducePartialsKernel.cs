using ILGPU;

namespace GmmGpu.Kernels;

/// <summary>Arguments of <see cref="ReducePartialsKernel"/>.</summary>
public readonly struct ReducePartialsParams
{
    /// <summary>The arguments of one reduction launch (members say each).</summary>
    public ReducePartialsParams(
        ArrayView<double> partials, int rows, int entries, ArrayView<double> totals)
    {
        Partials = partials;
        Rows = rows;
        Entries = entries;
        Totals = totals;
    }

    /// <summary>Shape (rows, entries), row-major.</summary>
    public ArrayView<double> Partials { get; }

    /// <summary>Partial rows to add, ≥ 1.</summary>
    public int Rows { get; }

    /// <summary>Doubles per row, ≥ 1.</summary>
    public int Entries { get; }

    /// <summary>Shape (entries).</summary>
    public ArrayView<double> Totals { get; }
}

/// <summary>Sums the per-group partial rows of a tiled kernel.</summary>
public static class ReducePartialsKernel
{
    /// <summary>
    /// totals[e] = Σ_r partials[r, e] in a fixed order: group g takes entries g, g + G, ...;
    /// thread t sums rows t, t + T, ... in increasing order, then a pairwise tree over the T
    /// thread sums in shared memory (T a power of two; T doubles of dynamic shared memory).
    /// </summary>
    public static void Execute(ReducePartialsParams args)
    {
        ArrayView<double> shared = SharedMemory.GetDynamic<double>();
        int thread = Group.IdxX;
        for (int entry = Grid.IdxX; entry < args.Entries; entry += Grid.DimX)
        {
            double sum = 0.0;
            for (int row = thread; row < args.Rows; row += Group.DimX)
            {
                sum += args.Partials[((long)row * args.Entries) + entry];
            }

            shared[thread] = sum;
            Group.Barrier();
            for (int stride = Group.DimX / 2; stride > 0; stride /= 2)
            {
                if (thread < stride)
                {
                    shared[thread] += shared[thread + stride];
                }

                Group.Barrier();
            }

            if (thread == 0)
            {
                args.Totals[entry] = shared[0];
            }

            Group.Barrier();
        }
    }
}
