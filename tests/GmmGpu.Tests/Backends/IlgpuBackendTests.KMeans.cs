using GmmGpu.Engine;
using Xunit;

namespace GmmGpu.Tests.Backends;

/// <summary>k-means++ and Lloyd steps, density grids.</summary>
public abstract partial class IlgpuBackendTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(5)]
    public void UpdateMinSquaredDistance_MatchesReference(int dimensions)
    {
        const int Rows = 2049;
        KernelModel model = IlgpuTestData.Model(11, 3, dimensions, PrecisionForm.Diagonal);
        float[] data = IlgpuTestData.Points(12, model, Rows);
        using IDeviceDataset dataset = Backend.Upload(data, Rows, dimensions);
        float[] first = data.AsSpan(0, dimensions).ToArray();
        float[] second = data.AsSpan(7 * dimensions, dimensions).ToArray();
        var distances = new float[Rows];

        double firstTotal = Backend.UpdateMinSquaredDistance(dataset, first, distances, true);
        double secondTotal = Backend.UpdateMinSquaredDistance(dataset, second, distances, false);

        double expectedFirst = 0;
        double expectedSecond = 0;
        for (int p = 0; p < Rows; p++)
        {
            ReadOnlySpan<float> x = data.AsSpan(p * dimensions, dimensions);
            double toFirst = IlgpuReference.SquaredDistance(x, first);
            double expected = Math.Min(toFirst, IlgpuReference.SquaredDistance(x, second));
            expectedFirst += toFirst;
            expectedSecond += expected;
            Assert.True(
                Math.Abs(expected - distances[p]) <= 1e-5 * (1 + expected),
                $"point {p}: expected {expected}, actual {distances[p]}");
        }

        Assert.Equal(expectedFirst, firstTotal, expectedFirst * 1e-6);
        Assert.Equal(expectedSecond, secondTotal, expectedSecond * 1e-6);
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

        int[] labels = IlgpuReference.Assign(data, dimensions, centres, components);
        var expectedCounts = new double[components];
        var expectedSums = new double[components * dimensions];
        double expectedInertia = 0;
        for (int p = 0; p < Rows; p++)
        {
            int k = labels[p];
            expectedCounts[k]++;
            expectedInertia += IlgpuReference.SquaredDistance(
                data.AsSpan(p * dimensions, dimensions),
                centres.AsSpan(k * dimensions, dimensions));
            for (int i = 0; i < dimensions; i++)
            {
                expectedSums[(k * dimensions) + i] += data[(p * dimensions) + i];
            }
        }

        Assert.Equal(expectedCounts, counts);
        for (int i = 0; i < sums.Length; i++)
        {
            Assert.Equal(expectedSums[i], sums[i], 1e-6 * (1 + Math.Abs(expectedSums[i])));
        }

        Assert.Equal(expectedInertia, inertia, expectedInertia * 1e-6);
    }

    [Theory]
    [InlineData(PrecisionForm.Triangular, 1)]
    [InlineData(PrecisionForm.Triangular, 2)]
    [InlineData(PrecisionForm.Diagonal, 2)]
    [InlineData(PrecisionForm.Triangular, 5)]
    public void EvaluateDensityGrid_MatchesReference(PrecisionForm form, int dimensions)
    {
        KernelModel model = IlgpuTestData.Model(15, 3, dimensions, form);
        float[] basePoint = [.. Enumerable.Range(0, dimensions).Select(i => 0.25f * i)];
        var grid = new DensityGrid(
            33, 17, -4, 4, -3, 5, DimX: dimensions - 1, DimY: dimensions > 1 ? 0 : 1,
            BasePoint: dimensions > 2 ? basePoint : null);
        var density = new float[33 * 17];

        Backend.EvaluateDensityGrid(model, grid, density);

        double[] expected = IlgpuReference.DensityGrid(model, grid);
        double peak = expected.Max();
        for (int i = 0; i < expected.Length; i++)
        {
            Assert.True(
                Math.Abs(expected[i] - density[i]) <= 1e-5 * peak,
                $"cell {i}: expected {expected[i]}, actual {density[i]}");
        }
    }
}
