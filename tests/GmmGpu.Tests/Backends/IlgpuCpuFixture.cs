using GmmGpu.Backends.Ilgpu;

namespace GmmGpu.Tests.Backends;

/// <summary>One ilgpu-cpu backend shared by a test class: kernels compile once.</summary>
public sealed class IlgpuCpuFixture : IDisposable
{
    public IlgpuBackend Backend { get; } = IlgpuBackend.Create(ComputeDevice.IlgpuCpu);

    public void Dispose() => Backend.Dispose();
}

/// <summary>
/// An ilgpu-cpu backend launched like a GPU: 128 threads a group, 2 groups, the tiled E-step.
/// (Its 32-lane shuffles would synchronise 32 OS threads per sum: the warp kernel's shape is
/// <see cref="IlgpuWarpShapeFixture"/>.)
/// </summary>
public sealed class IlgpuGpuShapeFixture : IDisposable
{
    public IlgpuBackend Backend { get; } = CreateTiled();

    public void Dispose() => Backend.Dispose();

    private static IlgpuBackend CreateTiled()
    {
        IlgpuBackend backend = IlgpuBackend.CreateCpu(32, 4, 2);
        backend.StatisticsKernel = StatisticsKernel.Tiled;
        return backend;
    }
}

/// <summary>An ilgpu-cpu backend with warps of 4 lanes, 2 warps a group, 2 groups.</summary>
public sealed class IlgpuWarpShapeFixture : IDisposable
{
    public IlgpuBackend Backend { get; } = IlgpuBackend.CreateCpu(4, 2, 2);

    public void Dispose() => Backend.Dispose();
}
