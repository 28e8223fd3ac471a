namespace GmmGpu.Backends.Ilgpu;

/// <summary>
/// How the tiled kernels are launched: threads per group (a power of two), groups per
/// multiprocessor (G = that × multiprocessors), the largest tile, and the threads per group
/// when a group has at least 8 sums per thread to share out (0: always GroupSize). Tuning
/// knobs for the GPU smoke benchmark; the defaults are <see cref="Gpu"/> and <see cref="Cpu"/>.
/// </summary>
internal readonly record struct LaunchShape(
    int GroupSize, int GroupsPerMultiprocessor, int MaxTilePoints, int WideGroupSize = 0)
{
    /// <summary>
    /// 256 threads, up to 8 groups per SM (2048 threads, full occupancy on sm_70+); fewer when
    /// their shared memory would not fit (see <see cref="TilePlan.Create"/>). 512 threads for
    /// thousands of sums (large K·D²): on an H100 1M×32 K=32 full took 28.7 ms instead of 31.7,
    /// 1M×64 K=64 diagonal 8.6 instead of 9.4 (bench/gpu/h100-smoke-2026-11-25.txt, --sweep).
    /// </summary>
    public static LaunchShape Gpu => new(256, 8, 256, 512);

    /// <summary>
    /// One single-thread group per core: the CPU accelerator's group barriers are OS-thread
    /// barriers (16-thread groups on 2 cores took 5 s for 1M×2 K=5, one thread 1 s).
    /// </summary>
    public static LaunchShape Cpu => new(1, 1, 256);
}
