using GmmGpu.Backends.Ilgpu;
using GmmGpu.Engine;
using GmmGpu.TestData;
using Xunit;

namespace GmmGpu.Tests.Backends;

public sealed class IlgpuBackendCreationTests
{
    [Theory]
    [InlineData(ComputeDevice.Cuda, "No CUDA device")]
    [InlineData(ComputeDevice.OpenCL, "No OpenCL GPU device")]
    public void Create_WithoutThatDevice_ThrowsClearInvalidOperation(
        ComputeDevice device, string prefix)
    {
        IlgpuBackend? backend = null;
        try
        {
            backend = IlgpuBackend.Create(device);
        }
        catch (InvalidOperationException e)
        {
            Assert.StartsWith(prefix + ":", e.Message, StringComparison.Ordinal);
        }

        // On a machine with that device, creation succeeds and names it.
        Assert.True(backend is null || backend.DeviceName.Length > 0);
        backend?.Dispose();
    }

    [Fact]
    public void Create_Cpu_ThrowsForUnsupportedKind() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => IlgpuBackend.Create(ComputeDevice.Cpu));

    [Fact]
    public void Accumulate_DatasetOfAnotherBackend_Throws()
    {
        using IlgpuBackend first = IlgpuBackend.Create(ComputeDevice.IlgpuCpu);
        using IlgpuBackend second = IlgpuBackend.Create(ComputeDevice.IlgpuCpu);
        using IDeviceDataset dataset = first.Upload(new float[] { 1, 2, 3, 4 }, 2, 2);
        KernelModel model = SeededMixture.Model(1, 2, 2, PrecisionForm.Diagonal);

        Assert.Throws<ArgumentException>(() => second.Accumulate(
            dataset, model, new SufficientStatistics(2, 2, PrecisionForm.Diagonal),
            CancellationToken.None));
    }

    [Fact]
    public void Dispose_DatasetAfterItsBackend_DoesNotThrow()
    {
        IlgpuBackend backend = IlgpuBackend.Create(ComputeDevice.IlgpuCpu);
        IDeviceDataset dataset = backend.Upload(new float[] { 1, 2 }, 1, 2);

        backend.Dispose();
        dataset.Dispose();
    }

    [Fact]
    public void Discover_ListsTheIlgpuCpuAccelerator()
    {
        IReadOnlyList<(ComputeDevice Device, string Name, long MemoryBytes)> found =
            IlgpuBackend.Discover();

        Assert.Contains(found, d => d.Device == ComputeDevice.IlgpuCpu && d.Name.Length > 0);
    }
}
