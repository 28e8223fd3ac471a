using GmmGpu.Backends.Ilgpu;

namespace GmmGpu.Tests.Backends;

/// <summary>One ilgpu-cpu backend shared by a test class: kernels compile once.</summary>
public sealed class IlgpuCpuFixture : IDisposable
{
    public IlgpuBackend Backend { get; } = IlgpuBackend.Create(ComputeDevice.IlgpuCpu);

    public void Dispose() => Backend.Dispose();
}

/// <summary>An ilgpu-cpu backend launched like a GPU: 128 threads a group, 2 groups.</summary>
public sealed class IlgpuGpuShapeFixture : IDisposable
{
    public IlgpuBackend Backend { get; } = IlgpuBackend.CreateCpu(32, 4, 2);

    public void Dispose() => Backend.Dispose();
}
