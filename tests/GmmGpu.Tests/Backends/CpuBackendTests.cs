using GmmGpu.Backends.Cpu;
using GmmGpu.Engine;
using GmmGpu.TestData;
using Xunit;

namespace GmmGpu.Tests.Backends;

/// <summary>
/// What only the SIMD CPU backend has: a thread count and its device kind. Everything every
/// backend must do is in <see cref="BackendSpec"/> (<see cref="CpuBackendSpec"/> runs it here).
/// </summary>
public class CpuBackendTests
{
    [Theory]
    [InlineData(PrecisionForm.Triangular, 2)]
    [InlineData(PrecisionForm.Triangular, 5)]
    [InlineData(PrecisionForm.Diagonal, 3)]
    public void Accumulate_OneOrTwoThreads_GivesBitIdenticalStatistics(
        PrecisionForm form,
        int dimensions)
    {
        KernelModel model = SeededMixture.Model(5, 5, dimensions, form);
        float[] data = SeededMixture.Points(6, model, 100_003);

        SufficientStatistics single = StatisticsChecks.Accumulate(new CpuBackend(1), model, data);
        SufficientStatistics dual = StatisticsChecks.Accumulate(new CpuBackend(2), model, data);

        StatisticsChecks.AssertIdentical(single, dual);
    }

    [Fact]
    public void Device_IsCpu()
    {
        using var backend = new CpuBackend();

        Assert.Equal(ComputeDevice.Cpu, backend.Device);
    }
}
