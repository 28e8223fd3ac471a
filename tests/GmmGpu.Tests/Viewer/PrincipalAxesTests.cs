using GmmGpu.Numerics;
using GmmGpu.Viewer;
using Xunit;

namespace GmmGpu.Tests.Viewer;

public sealed class PrincipalAxesTests
{
    private static readonly double[] Diagonal1 = [1 / Math.Sqrt(2), 1 / Math.Sqrt(2), 0, 0, 0];
    private static readonly double[] Feature2 = [0, 0, 1, 0, 0];
    private static readonly double[] Centre = [1, -2, 3, 0.5, 10];

    [Fact]
    public void Decompose_Known3x3_GivesEigenvaluesLargestFirstAndUnitVectors()
    {
        double[] a = [2, 1, 0, 1, 2, 0, 0, 0, 5];

        (double[] values, double[] vectors) = SymmetricEigen.Decompose(a, 3);

        Assert.Equal([5, 3, 1], values.Select(v => Math.Round(v, 12)));
        double r = 1 / Math.Sqrt(2);
        double[][] expected = [[0, 0, 1], [r, r, 0], [r, -r, 0]];
        for (int i = 0; i < 3; i++)
        {
            double[] column = [vectors[i], vectors[3 + i], vectors[6 + i]];
            Assert.Equal(1, Math.Abs(Dot(column, expected[i])), 12);
        }
    }

    [Fact]
    public void Decompose_RandomSymmetric_SatisfiesAvEqualsLambdaV()
    {
        const int n = 7;
        var random = new Random(3);
        var a = new double[n * n];
        for (int i = 0; i < n; i++)
        {
            for (int j = i; j < n; j++)
            {
                a[(i * n) + j] = a[(j * n) + i] = (random.NextDouble() * 2) - 1;
            }
        }

        (double[] values, double[] v) = SymmetricEigen.Decompose(a, n);

        for (int k = 0; k < n; k++)
        {
            Assert.True(k == 0 || values[k] <= values[k - 1]);
            for (int i = 0; i < n; i++)
            {
                double av = 0;
                for (int j = 0; j < n; j++)
                {
                    av += a[(i * n) + j] * v[(j * n) + k];
                }

                Assert.Equal(values[k] * v[(i * n) + k], av, 10);
            }
        }
    }

    [Fact]
    public void Compute_BlobRotatedInto5D_RecoversItsTwoAxesAndMean()
    {
        float[] values = RotatedBlob(50_000, seed: 1);

        PrincipalAxes axes = PrincipalAxes.Compute(values, 5);

        Assert.True(Math.Abs(Dot(AxisOf(axes, 0), Diagonal1)) > 0.99);
        Assert.True(Math.Abs(Dot(AxisOf(axes, 1), Feature2)) > 0.99);
        Assert.InRange(axes.Explained[0], 9 * 0.95, 9 * 1.05);
        Assert.InRange(axes.Explained[1], 0.95, 1.05);
        for (int f = 0; f < 5; f++)
        {
            Assert.Equal(Centre[f], axes.Mean[f], 1);
        }
    }

    [Fact]
    public void Project_Model_MeanAndCovarianceAreTheMarginalAlongTheAxes()
    {
        PrincipalAxes axes = PrincipalAxes.Compute(RotatedBlob(20_000, seed: 2), 5);
        double[] mean = [.. Centre.Select((c, f) => c + (2 * Diagonal1[f]) - Feature2[f])];
        double[] variances = [0.1, 0.2, 0.3, 0.4, 0.5];
        var diagonal = new MixtureParameters(
            CovarianceType.Diagonal, 1, 5, [1.0], mean, variances);
        var full = new MixtureParameters(CovarianceType.Full, 1, 5, [1.0], mean,
            [.. Enumerable.Range(0, 25).Select(i => i % 6 == 0 ? variances[i / 6] : 0)]);

        MixtureParameters projected = axes.Project(diagonal);

        Assert.Equal(2, projected.Dimensions);
        Assert.Equal(2, Math.Abs(projected.MeansArray[0]), 1);
        Assert.Equal(1, Math.Abs(projected.MeansArray[1]), 1);
        // Along PC1 ≈ (1,1,0,0,0)/√2 the variance is (0.1 + 0.2) / 2; along PC2 ≈ e₂, 0.3.
        Assert.Equal(0.15, projected.CovariancesArray[0], 2);
        Assert.Equal(0.3, projected.CovariancesArray[3], 2);
        Assert.Equal(projected.CovariancesArray, axes.Project(full).CovariancesArray);
        Assert.Equal(projected.MeansArray, axes.Project(full).MeansArray);
    }

    [Fact]
    public void OnPrincipalAxes_TwoFeatures_RotatesOntoTheCorrelatedDirection()
    {
        var random = new Random(4);
        var values = new float[2 * 10_000];
        for (int i = 0; i < 10_000; i++)
        {
            double u = 2 * Normal(random), w = 0.2 * Normal(random);
            values[2 * i] = (float)(u + w);
            values[(2 * i) + 1] = (float)(u - w);
        }

        PlotData data = PlotData.OnPrincipalAxes(values, 2);

        Assert.Equal(2, data.Columns);
        Assert.Equal(("PC1", "PC2"), (data.XName, data.YName));
        double r = 1 / Math.Sqrt(2);
        Assert.True(Math.Abs(Dot(AxisOf(data.Axes!, 0), [r, r])) > 0.999);
    }

    [Fact]
    public void Compute_OneFeature_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(
            () => PrincipalAxes.Compute(new float[] { 1, 2, 3 }, 1));
    }

    /// <summary>
    /// Rows of Centre + 3u·Diagonal1 + w·Feature2 + noise of 0.05 on every feature, u and w
    /// standard normal: a 2-D blob rotated into 5-D.
    /// </summary>
    internal static float[] RotatedBlob(int n, int seed)
    {
        var random = new Random(seed);
        var values = new float[n * 5];
        for (int i = 0; i < n; i++)
        {
            double u = 3 * Normal(random), w = Normal(random);
            for (int f = 0; f < 5; f++)
            {
                values[(i * 5) + f] = (float)(Centre[f] + (u * Diagonal1[f]) + (w * Feature2[f])
                    + (0.05 * Normal(random)));
            }
        }

        return values;
    }

    private static double[] AxisOf(PrincipalAxes axes, int axis) =>
        [.. Enumerable.Range(0, axes.Dimensions).Select(f => axes.Axis(axis, f))];

    private static double Dot(double[] a, double[] b) => a.Zip(b, (x, y) => x * y).Sum();

    private static double Normal(Random random)
    {
        double u = 1 - random.NextDouble(), v = random.NextDouble();
        return Math.Sqrt(-2 * Math.Log(u)) * Math.Cos(2 * Math.PI * v);
    }
}
