using GmmGpu.Backends.Cpu;
using GmmGpu.Backends.Ilgpu;
using GmmGpu.Engine;
using Xunit;

namespace GmmGpu.Tests.Backends;

/// <summary>
/// <see cref="BackendSpec"/> on the SIMD CPU backend as production creates it. The spec's
/// sizes are all below the blocked pass's (<see cref="CpuPassChoice"/>), so it runs the
/// SIMD pass; <see cref="BlockedPassTests"/> checks the blocked one.
/// </summary>
public sealed class CpuBackendSpec : BackendSpec, IDisposable
{
    private readonly CpuBackend backend = new();

    protected override IComputeBackend Backend => backend;

    /// <summary>The SIMD pass normalises responsibilities in float64.</summary>
    protected override double ProbabilitySumTolerance => 1e-9;

    /// <summary>Float points summed in float64 in a fixed order.</summary>
    protected override double LloydSumTolerance => 1e-12;

    public void Dispose() => backend.Dispose();
}

/// <summary><see cref="BackendSpec"/> on ilgpu-cpu as production creates it (16 threads a
/// group).</summary>
public sealed class IlgpuCpuBackendSpec(IlgpuCpuFixture fixture)
    : BackendSpec, IClassFixture<IlgpuCpuFixture>
{
    protected override IComputeBackend Backend => fixture.Backend;
}

/// <summary>
/// <see cref="BackendSpec"/> on ilgpu-cpu launched like a GPU, shrunk to warps of 4 lanes
/// (<see cref="IlgpuGpuShapeFixture"/>, the tiled E-step). Its lanes meet at every barrier as
/// OS threads, so the sampling test draws 400 times, not 4000.
/// </summary>
public sealed class IlgpuGpuShapeBackendSpec(IlgpuGpuShapeFixture fixture)
    : BackendSpec, IClassFixture<IlgpuGpuShapeFixture>
{
    protected override IComputeBackend Backend => fixture.Backend;

    protected override int SamplingDraws => 400;
}

/// <summary>
/// <see cref="BackendSpec"/> on a CUDA GPU; each test says it is skipped where no CUDA device
/// is present (every machine of this project's CI).
/// </summary>
public sealed class CudaBackendSpec(CudaFixture fixture)
    : BackendSpec, IClassFixture<CudaFixture>
{
    protected override IComputeBackend Backend
    {
        get
        {
            Assert.SkipWhen(fixture.Backend is null, $"no CUDA device: {fixture.Reason}");
            return fixture.Backend!;
        }
    }
}

/// <summary>One CUDA backend for a test class, or the reason there is none.</summary>
public sealed class CudaFixture : IDisposable
{
    public CudaFixture()
    {
        try
        {
            Backend = IlgpuBackend.Create(ComputeDevice.Cuda);
        }
        catch (InvalidOperationException error)
        {
            Reason = error.Message;
        }
    }

    public IlgpuBackend? Backend { get; }

    public string Reason { get; } = "";

    public void Dispose() => Backend?.Dispose();
}
