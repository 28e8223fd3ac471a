namespace GmmGpu.Benchmarks;

/// <summary>
/// What this run sweeps, set once from the command line before BenchmarkDotNet starts (the
/// in-process toolchain runs every benchmark in this process, so the parameter sources see it).
/// </summary>
public static class BenchSettings
{
    /// <summary>The short profile: a few minutes on a 2-core machine.</summary>
    public static bool Quick { get; set; }

    /// <summary>The plot's series: N from 1e4 to 1e7 at D = 2, K = 4 only.</summary>
    public static bool Plot { get; set; }

    /// <summary>Backends to run; the default is every backend that works here.</summary>
    public static IReadOnlyList<ComputeDevice> Devices { get; set; } = [];
}
