using ILGPU;

namespace GmmGpu.Kernels;

/// <summary>
/// The per-point work of a tiled kernel (see <see cref="TileMoments.Run{TPass}"/>): given a
/// tile's points in shared memory, write each point's K weights (component-major) and its
/// scalar. Every thread of the group calls it; barriers inside must be reached by all.
/// </summary>
public interface ITilePass
{
    /// <summary>Fills weights and scalars for points [start, start + count) of the data.</summary>
    void Compute(ArrayView<float> shared, in TileLayout layout, long start, int count);
}
