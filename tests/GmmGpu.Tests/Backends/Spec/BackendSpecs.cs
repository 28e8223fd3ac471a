using GmmGpu.Backends.Cpu;
using GmmGpu.Backends.Ilgpu;
using GmmGpu.Engine;
using Xunit;

namespace GmmGpu.Tests.Backends;

/// <summary><see cref="BackendSpec"/> on the SIMD CPU backend.</summary>
public sealed class CpuBackendSpec : BackendSpec, IDisposable
{
    private readonly CpuBackend backend = new();

    protected override IComputeBackend Backend => backend;

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
/// <see cref="BackendSpec"/> on ilgpu-cpu launched like a GPU (128 threads a group, several
/// lanes). Its groups synchronise OS threads at every barrier (a quarter of a minute per 100
/// launches), so the sampling test draws 400 times, not 4000.
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
