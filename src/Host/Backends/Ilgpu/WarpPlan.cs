using GmmGpu.Kernels;
using ILGPU;
using ILGPU.Runtime;

namespace GmmGpu.Backends.Ilgpu;

/// <summary>
/// Launch shape of <see cref="WarpStatsKernel"/>: G groups of W warps, each warp with a row of
/// E doubles of dynamic shared memory, one partial row of E per group.
/// </summary>
internal readonly record struct WarpPlan(int Groups, int GroupSize, int Warps, int Entries)
{
    /// <summary>Partial rows the kernel writes: one per group.</summary>
    public int Rows => Groups;

    public KernelConfig Config => new(
        Groups, GroupSize, SharedMemoryConfig.RequestDynamic<double>(Warps * Entries));

    /// <summary>This plan with as many groups as have room for their rows in the budget.</summary>
    public WarpPlan WithinBudget(long budgetBytes) => this with
    {
        Groups = PartialBudget.Groups(Groups, 1, Entries, budgetBytes),
    };

    /// <summary>
    /// The plan for K components in D ≤ <see cref="WarpStatsKernel.MaxDimensions"/> features, or
    /// null when the kernel does not apply (larger D, or one warp's row of E doubles does not fit
    /// the shared memory). Warps per group: as many of groupSize / lanes as have room for their
    /// rows; groups: as <see cref="TilePlan.Create"/> caps them, and at most one per W·lanes
    /// points.
    /// </summary>
    public static WarpPlan? Create(
        long sharedMemoryBytes,
        int warpSize,
        int multiprocessors,
        int groupsPerMultiprocessor,
        int groupSize,
        int components,
        int dimensions,
        MomentForm moments,
        long rows)
    {
        if (dimensions > WarpStatsKernel.MaxDimensions)
        {
            return null;
        }

        int entries = new TileLayout(1, components, dimensions, moments, 1).Entries;
        long rowBytes = (long)entries * sizeof(double);
        int lanes = Math.Min(warpSize, groupSize);
        int warps = (int)Math.Min(groupSize / lanes, sharedMemoryBytes / rowBytes);
        if (warps < 1)
        {
            return null;
        }

        long groupBytes = warps * rowBytes;
        long resident = Math.Clamp(4 * sharedMemoryBytes / groupBytes, 1, groupsPerMultiprocessor);
        long pointsPerStep = (long)warps * lanes;
        long steps = (rows + pointsPerStep - 1) / pointsPerStep;
        int groups = (int)Math.Clamp(steps, 1, multiprocessors * resident);
        return new WarpPlan(groups, warps * lanes, warps, entries);
    }
}
