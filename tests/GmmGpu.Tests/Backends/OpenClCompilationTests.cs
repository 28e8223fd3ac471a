using GmmGpu.Kernels;
using ILGPU;
using ILGPU.Backends.OpenCL;
using ILGPU.Runtime;
using ILGPU.Runtime.OpenCL;
using Xunit;

namespace GmmGpu.Tests.Backends;

/// <summary>
/// Compiles every kernel to OpenCL C 2.0 without a device (a GPU with double precision and the
/// generic address space, which ILGPU requires), so the opencl backend fails here first.
/// </summary>
public sealed class OpenClCompilationTests
{
    /// <summary>
    /// Every kernel but <see cref="WarpStatsKernel"/>: ILGPU 1.5.3 emits OpenCL warp shuffles
    /// only for Intel devices, so the opencl backend runs the tiled E-step instead.
    /// </summary>
    public static TheoryData<string> Kernels() =>
        [.. PtxCompilationTests.KernelTypes().Select(t => t.Name)
            .Where(name => name != nameof(WarpStatsKernel))];

    [Theory]
    [MemberData(nameof(Kernels))]
    public void Kernel_CompilesToOpenClC(string kernelName)
    {
        using Context context = Context.Create(builder => builder.Default().EnableAlgorithms());
        using var backend = new CLBackend(
            context,
            new CLCapabilityContext(true, true, true, true, true),
            CLDeviceVendor.Nvidia,
            CLCVersion.CL20);

        var compiled = (CLCompiledKernel)backend.Compile(
            PtxCompilationTests.EntryPoint(kernelName), KernelSpecialization.Empty);

        Assert.Contains("kernel", compiled.Source, StringComparison.Ordinal);
    }
}
