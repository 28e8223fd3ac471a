using GmmGpu.Kernels;
using ILGPU;
using ILGPU.Runtime;

namespace GmmGpu.Backends.Ilgpu;

/// <summary>
/// Launch shape of a tiled kernel: a fixed number of groups G, each taking tiles of P points,
/// with P·(K + D' + 1) + K floats of dynamic shared memory (D' = D rounded up to odd) and
/// L partial rows of E doubles.
/// </summary>
internal readonly record struct TilePlan(int Groups, int GroupSize, TileLayout Layout)
{
    /// <summary>Partial rows the kernel writes: G·L.</summary>
    public int Rows => Groups * Layout.Lanes;

    public KernelConfig Config => new(
        Groups, GroupSize, SharedMemoryConfig.RequestDynamic<float>(Layout.SharedFloats));

    /// <summary>Bytes of the partial rows: G·L·E doubles.</summary>
    public long PartialBytes => (long)Rows * Layout.Entries * sizeof(double);

    /// <summary>This plan with as many groups as have room for their rows in the budget.</summary>
    public TilePlan WithinBudget(long budgetBytes) => this with
    {
        Groups = PartialBudget.Groups(Groups, Layout.Lanes, Layout.Entries, budgetBytes),
    };

    /// <summary>
    /// The plan for K weights, D features and the given moments over N points: P is the
    /// largest tile (at most <paramref name="maxTilePoints"/>, a multiple of 32 when ≥ 32) whose
    /// P·(K + D' + 1) + K floats fit the shared memory; L = T / E lanes when E &lt; T. Groups
    /// per multiprocessor are capped so that their shared memory stays within four times the
    /// per-group limit (H100: 228 KB an SM, A100: 164 KB), and at one group per tile.
    /// </summary>
    public static TilePlan Create(
        long sharedMemoryBytes,
        string acceleratorName,
        int multiprocessors,
        int groupsPerMultiprocessor,
        int groupSize,
        int maxTilePoints,
        int components,
        int dimensions,
        MomentForm moments,
        long rows)
    {
        long sharedFloats = sharedMemoryBytes / sizeof(float);
        var unit = new TileLayout(1, components, dimensions, moments, 1);
        long fixedFloats = new TileLayout(0, components, dimensions, moments, 1).SharedFloats;
        long perPoint = unit.SharedFloats - fixedFloats;
        long tilePoints = Math.Min(maxTilePoints, (sharedFloats - fixedFloats) / perPoint);
        if (tilePoints < 1)
        {
            throw new InvalidOperationException(
                $"K={components} components and D={dimensions} features need "
                + $"{(perPoint + fixedFloats) * sizeof(float)} bytes of shared memory for one "
                + $"point, but {acceleratorName} has {sharedMemoryBytes} bytes per group (the "
                + "limit is 2K + (D | 1) + 1 ≤ shared bytes / 4). Use fewer components or "
                + "features, or the cpu backend.");
        }

        if (tilePoints >= 32)
        {
            tilePoints -= tilePoints % 32;
        }

        int entries = unit.Entries;
        int lanes = (int)Math.Clamp(groupSize / entries, 1, tilePoints);
        var layout = new TileLayout((int)tilePoints, components, dimensions, moments, lanes);
        long groupBytes = (long)layout.SharedFloats * sizeof(float);
        long resident = Math.Clamp(4 * sharedMemoryBytes / groupBytes, 1, groupsPerMultiprocessor);
        long tiles = (rows + tilePoints - 1) / tilePoints;
        int launched = (int)Math.Clamp(tiles, 1, multiprocessors * resident);
        return new TilePlan(launched, groupSize, layout);
    }
}
