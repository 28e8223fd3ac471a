using GmmGpu.Backends;
using GmmGpu.Engine;
using GmmGpu.Tests.Mixture;
using GmmGpu.Tests.Reference;
using Xunit;

namespace GmmGpu.Tests.Passes;

/// <summary>
/// Several devices in one process (two CPU backends standing in for two GPUs): the chunks are
/// spread over them and the partial sums added in chunk order.
/// </summary>
public class MultiDeviceTests
{
    private const int Rows = 30_000;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Fit_OnTwoCpuDevices_IsBitIdenticalToOneDeviceWithTheSameChunks(bool streamed)
    {
        (float[] data, _) = Blobs.Create(Rows, seed: 11);
        GaussianMixtureOptions options = StreamingTests.Options(ComputeDevice.Cpu) with
        {
            ChunkRows = 4096,
            MaxDeviceMemory = streamed ? 2 * 4096 * 8 : null,
        };

        using var first = new GmmGpu.Backends.Cpu.CpuBackend(1);
        using var second = new GmmGpu.Backends.Cpu.CpuBackend(1);
        GaussianMixtureModel one = Fit(data, options, [first]);
        GaussianMixtureModel two = Fit(data, options, [first, second]);

        Assert.Equal(one.LowerBound, two.LowerBound);
        Assert.Equal(one.Means, two.Means);
        Assert.Equal(one.Covariances, two.Covariances);
    }

    [Fact]
    public void Fit_OnCpuAndIlgpuCpuSideBySide_AgreesWithOneDevice()
    {
        (float[] data, _) = Blobs.Create(Rows, seed: 12);
        GaussianMixtureOptions options = StreamingTests.Options(ComputeDevice.Cpu);
        using IComputeBackend cpu = ComputeBackends.Create(ComputeDevice.Cpu);
        using IComputeBackend ilgpu = ComputeBackends.Create(ComputeDevice.IlgpuCpu);

        GaussianMixtureModel one = Fit(data, options, [cpu]);
        GaussianMixtureModel two = Fit(data, options, [cpu, ilgpu]);

        NumericAssert.Close(one.LowerBound, two.LowerBound, 1e-7, 0, "lower bound");
        NumericAssert.Close(one.Means, two.Means, 1e-5, 1e-6, "means");
    }

    private static GaussianMixtureModel Fit(
        float[] data, GaussianMixtureOptions options, IComputeBackend[] devices)
    {
        using var mixture = new GaussianMixture(options, devices);
        return mixture.Fit(data, 2, cancellationToken: Token);
    }
}
