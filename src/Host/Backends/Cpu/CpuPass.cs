namespace GmmGpu.Backends.Cpu;

/// <summary>Which per-point pass the CPU backend runs.</summary>
public enum CpuPass
{
    /// <summary>
    /// Chosen per model by the cost model in <see cref="CpuPassChoice"/>: the SIMD pass for small
    /// D and K, the blocked pass for large ones.
    /// </summary>
    Auto,

    /// <summary>Eight points at a time against one component at a time (small D, K).</summary>
    Simd,

    /// <summary>
    /// Blocks of points against all components as register-tiled matrix products (fast at large
    /// D or K). Needs 512-bit vectors to be fast; it runs, slowly, without them.
    /// </summary>
    Blocked,
}
