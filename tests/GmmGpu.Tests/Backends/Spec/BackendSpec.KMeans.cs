using GmmGpu.Backends.Cpu;
using GmmGpu.Engine;
using GmmGpu.TestData;
using Xunit;

namespace GmmGpu.Tests.Backends;

/// <summary>k-means++ draws and Lloyd steps.</summary>
public abstract partial class BackendSpec
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(5)]
    public void SampleByMinSquaredDistance_MatchesScalarReference(int dimensions)
    {
        // More rows than one 16,384-row CPU chunk.
        const int Rows = 20_003;
        KernelModel model = SeededMixture.Model(11, 3, dimensions, PrecisionForm.Triangular);
        float[] data = SeededMixture.Points(12, model, Rows);

        SamplingChecks.AssertMatchesReference(Backend, data, dimensions);
    }

    [Fact]
    public void SampleByMinSquaredDistance_DrawsProportionalToSquaredDistance() =>
        SamplingChecks.AssertDrawsProportionalToSquaredDistance(Backend, SamplingDraws);

    [Fact]
    public void SampleByMinSquaredDistance_AllDistancesZero_ReturnsMinusOne() =>
        SamplingChecks.AssertAllZeroDistancesGiveMinusOne(Backend);

    [Fact]
    public void SampleByMinSquaredDistance_IsDeterministic()
    {
        KernelModel model = SeededMixture.Model(16, 3, 2, PrecisionForm.Diagonal);
        float[] data = SeededMixture.Points(17, model, 20_003);

        SamplingChecks.AssertDeterministic(Backend, data, 2);
    }

    [Theory]
    [InlineData(2, 4)]
    [InlineData(3, 7)]
    public void SampleByMinSquaredDistance_DrawsTheSameRowAsCpuBackend(
        int dimensions, int count)
    {
        const int Rows = 20_011;
        KernelModel model = SeededMixture.Model(18, 5, dimensions, PrecisionForm.Diagonal);
        float[] data = SeededMixture.Points(19, model, Rows);
        float[] centres = data.AsSpan(0, count * dimensions).ToArray();
        using var cpu = new CpuBackend();
        using IDeviceDataset onCpu = cpu.Upload(data, Rows, dimensions);
        using IDeviceDataset onIlgpu = Backend.Upload(data, Rows, dimensions);

        for (ulong seed = 1; seed <= 20; seed++)
        {
            ulong mixed = seed * 0x2545F4914F6CDD1DUL;
            Assert.Equal(
                cpu.SampleByMinSquaredDistance(onCpu, centres, count, mixed).Row,
                Backend.SampleByMinSquaredDistance(onIlgpu, centres, count, mixed).Row);
        }
    }

    /// <summary>Counts exact; sums within <see cref="LloydSumTolerance"/> of the largest;
    /// inertia to 1e-6. Centres: the first K rows (1e2 from the origin), or the means.</summary>
    [Theory]
    [InlineData(1, 3, 3001, 100f)]
    [InlineData(2, 5, 3001, 100f)]
    [InlineData(5, 4, 3001, 100f)]
    [InlineData(3, 4, 20_003, 0f)]
    public void LloydStep_MatchesReference(int dimensions, int components, int rows, float offset)
    {
        KernelModel model = SeededMixture.Model(
            13, components, dimensions, PrecisionForm.Diagonal, offset);
        float[] data = SeededMixture.Points(14, model, rows);
        using IDeviceDataset dataset = Backend.Upload(data, rows, dimensions);
        float[] centres = offset == 0
            ? model.Means
            : data.AsSpan(0, components * dimensions).ToArray();
        var counts = new double[components];
        var sums = new double[components * dimensions];

        double inertia = Backend.LloydStep(dataset, centres, components, counts, sums);

        var expectedCounts = new double[components];
        var expectedSums = new double[components * dimensions];
        double expectedInertia = NaiveReference.LloydStep(
            data, dimensions, centres, components, expectedCounts, expectedSums);

        Assert.Equal(expectedCounts, counts);
        double largest = expectedSums.Max(Math.Abs);
        for (int i = 0; i < sums.Length; i++)
        {
            Assert.Equal(expectedSums[i], sums[i], LloydSumTolerance * largest);
        }

        Assert.Equal(expectedInertia, inertia, expectedInertia * 1e-6);
    }
}
