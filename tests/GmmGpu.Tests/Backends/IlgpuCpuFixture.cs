using GmmGpu.Backends.Ilgpu;

namespace GmmGpu.Tests.Backends;

/// <summary>One ilgpu-cpu backend shared by a test class: kernels compile once.</summary>
public sealed class IlgpuCpuFixture : IDisposable
{
    public IlgpuBackend Backend { get; } = IlgpuBackend.Create(ComputeDevice.IlgpuCpu);

    public void Dispose() => Backend.Dispose();
}
