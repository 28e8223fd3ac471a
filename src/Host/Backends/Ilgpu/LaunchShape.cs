namespace GmmGpu.Backends.Ilgpu;

/// <summary>
/// How the tiled kernels are launched: threads per group (a power of two), groups per
/// multiprocessor (G = that × multiprocessors) and the largest tile. Tuning knobs for the GPU
/// smoke benchmark; the defaults are <see cref="Gpu"/> and <see cref="Cpu"/>.
/// </summary>
internal readonly record struct LaunchShape(
    int GroupSize, int GroupsPerMultiprocessor, int MaxTilePoints)
{
    /// <summary>
    /// 256 threads, up to 8 groups per SM (2048 threads, full occupancy on sm_70+); fewer when
    /// their shared memory would not fit (see <see cref="TilePlan.Create"/>).
    /// </summary>
    public static LaunchShape Gpu => new(256, 8, 256);

    /// <summary>
    /// One single-thread group per core: the CPU accelerator's group barriers are OS-thread
    /// barriers (16-thread groups on 2 cores took 5 s for 1M×2 K=5, one thread 1 s).
    /// </summary>
    public static LaunchShape Cpu => new(1, 1, 256);
}
