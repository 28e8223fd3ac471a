using GmmGpu.Engine;
using GmmGpu.TestData;
using Xunit;

namespace GmmGpu.Tests.Backends;

/// <summary>Mixture densities on a grid (heat maps, surfaces).</summary>
public abstract partial class BackendSpec
{
    /// <summary>The plane of features (x, y) = (<paramref name="dimX"/>, 0) through a base
    /// point for the other features.</summary>
    [Theory]
    [InlineData(PrecisionForm.Triangular, 2, 1)]
    [InlineData(PrecisionForm.Diagonal, 2, 1)]
    [InlineData(PrecisionForm.Triangular, 4, 1)]
    [InlineData(PrecisionForm.Triangular, 5, 4)]
    public void EvaluateDensityGrid_MatchesReference(PrecisionForm form, int dimensions, int dimX)
    {
        KernelModel model = SeededMixture.Model(15, 3, dimensions, form);
        float[] basePoint = [.. Enumerable.Range(0, dimensions).Select(i => 0.25f * i)];
        var grid = new DensityGrid(
            33, 17, -6, 6, -5, 5, DimX: dimX, DimY: 0,
            BasePoint: dimensions > 2 ? basePoint : null);
        var density = new float[33 * 17];

        Backend.EvaluateDensityGrid(model, grid, density);

        AssertDensityMatchesReference(model, grid, density);
    }

    [Fact]
    public void EvaluateDensityGrid_OneFeature_IgnoresYAndRejectsFeaturesOutsideTheModel()
    {
        KernelModel model = SeededMixture.Model(15, 3, 1, PrecisionForm.Triangular);

        // DimY keeps its default of 1: unused with one feature, so every row is the 1-D density.
        var grid = new DensityGrid(9, 4, -4, 4, -3, 5);
        var density = new float[9 * 4];
        Backend.EvaluateDensityGrid(model, grid, density);

        AssertDensityMatchesReference(model, grid, density);
        for (int i = 0; i < density.Length; i++)
        {
            Assert.Equal(density[i % 9], density[i]);
        }

        Assert.Throws<ArgumentOutOfRangeException>(
            () => Backend.EvaluateDensityGrid(model, grid with { DimX = 1 }, density));
    }

    /// <summary>One component, mean (0.3, −1.2), on a 0.1 × 0.2 grid: the densest cell is the
    /// one nearest the mean.</summary>
    [Fact]
    public void EvaluateDensityGrid_SingleComponent_PeaksAtGridPointNearestMean()
    {
        float[] mean = [0.3f, -1.2f];
        var model = new KernelModel(
            1,
            2,
            PrecisionForm.Triangular,
            mean,
            [2f, 0.5f, 0f, 1f],
            [(float)(Math.Log(2) - Math.Log(2 * Math.PI))]);
        var grid = new DensityGrid(41, 31, -2, 2, -3, 3);
        var density = new float[41 * 31];

        Backend.EvaluateDensityGrid(model, grid, density);

        int peak = Array.IndexOf(density, density.Max());
        int nearestI = (int)Math.Round((mean[0] - grid.XMin) / 0.1);
        int nearestJ = (int)Math.Round((mean[1] - grid.YMin) / 0.2);
        Assert.Equal((nearestJ * grid.Width) + nearestI, peak);
    }

    private static void AssertDensityMatchesReference(
        KernelModel model, DensityGrid grid, float[] density)
    {
        double[] expected = NaiveReference.DensityGrid(model, grid);
        double peak = expected.Max();
        for (int i = 0; i < expected.Length; i++)
        {
            Assert.True(
                Math.Abs(expected[i] - density[i]) <= 1e-5 * peak,
                $"cell {i}: expected {expected[i]}, actual {density[i]}");
        }
    }
}
