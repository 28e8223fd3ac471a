using GmmGpu.Backends.Cpu;
using GmmGpu.Engine;
using Xunit;

namespace GmmGpu.Tests.Backends;

/// <summary>k-means++ and Lloyd steps, density grids.</summary>
public abstract partial class BackendSpec
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(5)]
    public void SampleByMinSquaredDistance_MatchesScalarReference(int dimensions)
    {
        const int Rows = 2049;
        KernelModel model = IlgpuTestData.Model(11, 3, dimensions, PrecisionForm.Diagonal);
        float[] data = IlgpuTestData.Points(12, model, Rows);

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
        KernelModel model = IlgpuTestData.Model(16, 3, 2, PrecisionForm.Diagonal);
        float[] data = IlgpuTestData.Points(17, model, 3001);

        SamplingChecks.AssertDeterministic(Backend, data, 2);
    }

    [Theory]
    [InlineData(2, 4)]
    [InlineData(3, 7)]
    public void SampleByMinSquaredDistance_DrawsTheSameRowAsCpuBackend(
        int dimensions, int count)
    {
        const int Rows = 20_011;
        KernelModel model = IlgpuTestData.Model(18, 5, dimensions, PrecisionForm.Diagonal);
        float[] data = IlgpuTestData.Points(19, model, Rows);
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

    [Theory]
    [InlineData(1, 3)]
    [InlineData(2, 5)]
    [InlineData(5, 4)]
    public void LloydStep_MatchesReference(int dimensions, int components)
    {
        const int Rows = 3001;
        KernelModel model =
            IlgpuTestData.Model(13, components, dimensions, PrecisionForm.Diagonal, 100f);
        float[] data = IlgpuTestData.Points(14, model, Rows);
        using IDeviceDataset dataset = Backend.Upload(data, Rows, dimensions);
        float[] centres = data.AsSpan(0, components * dimensions).ToArray();
        var counts = new double[components];
        var sums = new double[components * dimensions];

        double inertia = Backend.LloydStep(dataset, centres, components, counts, sums);

        var expectedCounts = new double[components];
        var expectedSums = new double[components * dimensions];
        double expectedInertia = NaiveReference.LloydStep(
            data, dimensions, centres, components, expectedCounts, expectedSums);

        Assert.Equal(expectedCounts, counts);
        for (int i = 0; i < sums.Length; i++)
        {
            Assert.Equal(expectedSums[i], sums[i], 1e-6 * (1 + Math.Abs(expectedSums[i])));
        }

        Assert.Equal(expectedInertia, inertia, expectedInertia * 1e-6);
    }

    [Theory]
    [InlineData(PrecisionForm.Triangular, 2)]
    [InlineData(PrecisionForm.Diagonal, 2)]
    [InlineData(PrecisionForm.Triangular, 5)]
    public void EvaluateDensityGrid_MatchesReference(PrecisionForm form, int dimensions)
    {
        KernelModel model = IlgpuTestData.Model(15, 3, dimensions, form);
        float[] basePoint = [.. Enumerable.Range(0, dimensions).Select(i => 0.25f * i)];
        var grid = new DensityGrid(
            33, 17, -4, 4, -3, 5, DimX: dimensions - 1, DimY: 0,
            BasePoint: dimensions > 2 ? basePoint : null);
        var density = new float[33 * 17];

        Backend.EvaluateDensityGrid(model, grid, density);

        double[] expected = NaiveReference.DensityGrid(model, grid);
        double peak = expected.Max();
        for (int i = 0; i < expected.Length; i++)
        {
            Assert.True(
                Math.Abs(expected[i] - density[i]) <= 1e-5 * peak,
                $"cell {i}: expected {expected[i]}, actual {density[i]}");
        }
    }

    [Fact]
    public void EvaluateDensityGrid_OneFeature_IgnoresYAndRejectsFeaturesOutsideTheModel()
    {
        KernelModel model = IlgpuTestData.Model(15, 3, 1, PrecisionForm.Triangular);

        // DimY keeps its default of 1: unused with one feature, so every row is the 1-D density.
        var grid = new DensityGrid(9, 4, -4, 4, -3, 5);
        var density = new float[9 * 4];
        Backend.EvaluateDensityGrid(model, grid, density);

        double[] expected = NaiveReference.DensityGrid(model, grid);
        double peak = expected.Max();
        for (int i = 0; i < expected.Length; i++)
        {
            Assert.True(Math.Abs(expected[i] - density[i]) <= 1e-5 * peak, $"cell {i}");
            Assert.Equal(density[i % 9], density[i]);
        }

        Assert.Throws<ArgumentOutOfRangeException>(
            () => Backend.EvaluateDensityGrid(model, grid with { DimX = 1 }, density));
    }
}
