using GmmGpu.Backends.Ilgpu;

namespace GmmGpu.Tests.Backends;

/// <summary>One ilgpu-cpu backend shared by a test class: kernels compile once.</summary>
public sealed class IlgpuCpuFixture : IDisposable
{
    public IlgpuBackend Backend { get; } = IlgpuBackend.Create(ComputeDevice.IlgpuCpu);

    public void Dispose() => Backend.Dispose();
}

/// <summary>
/// An ilgpu-cpu backend launched like a GPU, shrunk: warps of 4 lanes, 2 warps a group, 2
/// groups, each lane an OS thread that meets the others at every barrier and shuffle. (A
/// 32-lane shape, 256 threads, drove this 2-core machine's load to 270.)
/// </summary>
public sealed class IlgpuWarpShapeFixture : IDisposable
{
    public IlgpuBackend Backend { get; } = IlgpuBackend.CreateCpu(4, 2, 2);

    public void Dispose() => Backend.Dispose();
}
