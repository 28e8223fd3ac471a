namespace GmmGpu.Tests.Mixture;

/// <summary>The backends every estimator specification runs on (those that exist on any machine).</summary>
internal static class TestBackends
{
    public static readonly ComputeDevice[] All = [ComputeDevice.Cpu, ComputeDevice.IlgpuCpu];

    public static readonly CovarianceType[] CovarianceTypes =
        [CovarianceType.Full, CovarianceType.Tied, CovarianceType.Diagonal, CovarianceType.Spherical];
}
