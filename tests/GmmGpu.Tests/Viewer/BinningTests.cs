using GmmGpu.Viewer;
using Xunit;

namespace GmmGpu.Tests.Viewer;

public sealed class BinningTests
{
    [Theory]
    [InlineData(1, 100_003)]
    [InlineData(2, 200_001)]
    [InlineData(3, 70_001)]
    [InlineData(8, 9)]
    public void Bounds_AnyColumnCount_MatchAPlainScan(int columns, int rows)
    {
        float[] values = RandomValues(rows * columns, seed: columns);

        (float Min, float Max)[] bounds = DataBounds.Compute(values, columns);

        for (int c = 0; c < columns; c++)
        {
            float[] column = [.. values.Where((_, i) => i % columns == c)];
            Assert.Equal((column.Min(), column.Max()), bounds[c]);
        }
    }

    [Fact]
    public void Bin2D_ThreeFeaturesOnDims2And0_CountsEveryPointInItsBin()
    {
        const int rows = 150_001, width = 37, height = 23;
        var data = new PlotData(RandomValues(rows * 3, seed: 5), 3, dimX: 2, dimY: 0);
        (double xMin, double xMax) = data.Range(2);
        (double yMin, double yMax) = data.Range(0);
        var expected = new float[width * height];
        ReadOnlySpan<float> v = data.Values.Span;
        for (int i = 0; i < rows; i++)
        {
            int bx = (int)((v[(3 * i) + 2] - xMin) / (xMax - xMin) * width);
            int by = (int)((v[3 * i] - yMin) / (yMax - yMin) * height);
            expected[(by * width) + bx]++;
        }

        float[] counts = data.Histogram2D(width, height);

        Assert.Equal(rows, counts.Sum());
        Assert.Equal(expected, counts);
    }

    [Fact]
    public void Bin1D_Density_IntegratesToTheShareInRange()
    {
        var data = new PlotData(RandomValues(100_000, seed: 6), 1);

        double[] density = data.Histogram1D(0, 10, -1, 0);

        // Values are uniform on [-3, 3): a sixth fall in [-1, 0).
        double mass = density.Sum() * 0.1;
        Assert.InRange(mass, (1 / 6.0) - 0.01, (1 / 6.0) + 0.01);
        Assert.All(density, d => Assert.InRange(d, 1 / 6.0 * 0.85, 1 / 6.0 * 1.15));
    }

    private static float[] RandomValues(int count, int seed)
    {
        var random = new Random(seed);
        var values = new float[count];
        for (int i = 0; i < count; i++)
        {
            values[i] = (float)((random.NextDouble() * 6) - 3);
        }

        return values;
    }
}
