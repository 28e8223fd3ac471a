namespace GmmGpu.Backends.Ilgpu;

/// <summary>Which kernel <see cref="IlgpuBackend.Accumulate"/> runs for the E-step.</summary>
internal enum StatisticsKernel
{
    /// <summary>The warp kernel when D is small and its rows fit, else the tiled kernel.</summary>
    Auto = 0,

    /// <summary><see cref="Kernels.ResponsibilityStatsKernel"/>, any D and K it has room for.</summary>
    Tiled = 1,

    /// <summary><see cref="Kernels.WarpStatsKernel"/>: D ≤ 8 only.</summary>
    Warp = 2,
}
