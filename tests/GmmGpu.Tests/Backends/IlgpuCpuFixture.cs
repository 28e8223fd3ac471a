using GmmGpu.Backends.Ilgpu;

namespace GmmGpu.Tests.Backends;

/// <summary>One ilgpu-cpu backend shared by a test class: kernels compile once.</summary>
public sealed class IlgpuCpuFixture : IDisposable
{
    public IlgpuBackend Backend { get; } = IlgpuBackend.Create(ComputeDevice.IlgpuCpu);

    public void Dispose() => Backend.Dispose();
}

/// <summary>
/// An ilgpu-cpu backend launched like a GPU, shrunk to warps of 4 lanes, 2 warps a group, 2
/// groups, with the tiled E-step: every lane is an OS thread that meets the others at each
/// barrier. (A 32-lane shape, 256 threads, drove this 2-core machine's load to 270; the warp
/// kernel's shuffles cost a warp-wide meeting per sum, so <see cref="IlgpuWarpShapeFixture"/>
/// runs it on small data only.)
/// </summary>
public sealed class IlgpuGpuShapeFixture : IDisposable
{
    public IlgpuBackend Backend { get; } = CreateTiled();

    public void Dispose() => Backend.Dispose();

    private static IlgpuBackend CreateTiled()
    {
        IlgpuBackend backend = IlgpuBackend.CreateCpu(4, 2, 2);
        backend.StatisticsKernel = StatisticsKernel.Tiled;
        return backend;
    }
}

/// <summary>
/// An ilgpu-cpu backend with warps of 4 lanes, 2 warps a group, 2 groups: the E-step kernel a
/// GPU gets (the warp kernel for D ≤ 8), for <see cref="StatisticsKernelTests"/>.
/// </summary>
public sealed class IlgpuWarpShapeFixture : IDisposable
{
    public IlgpuBackend Backend { get; } = IlgpuBackend.CreateCpu(4, 2, 2);

    public void Dispose() => Backend.Dispose();
}
