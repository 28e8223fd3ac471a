using GmmGpu.Backends.Cpu;
using GmmGpu.Engine;
using Xunit;

namespace GmmGpu.Tests.Backends;

public class CpuBackendTests
{
    private const double Tolerance = 1e-6;

    // More than one chunk of 16384 rows, and not a multiple of the SIMD width of 8.
    private const int Rows = 20_003;

    public static TheoryData<PrecisionForm, int> FormsAndDimensions()
    {
        var data = new TheoryData<PrecisionForm, int>();
        foreach (PrecisionForm form in Enum.GetValues<PrecisionForm>())
        {
            foreach (int d in new[] { 1, 2, 3, 5, 8 })
            {
                data.Add(form, d);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(FormsAndDimensions))]
    public void Accumulate_MatchesFloat64Reference(PrecisionForm form, int dimensions)
    {
        var random = new Random(10 + dimensions);
        KernelModel model = RandomMixture.CreateModel(random, 4, dimensions, form);
        float[] data = RandomMixture.SampleData(random, model, Rows);

        AssertMatchesReference(model, data);
    }

    // The pass works in pairs of blocks of 8: the last pair may hold one full block and part of
    // the next, exactly one block, or part of one, after whole chunks or alone.
    [Theory]
    [InlineData(PrecisionForm.Triangular, 5, 13)]
    [InlineData(PrecisionForm.Triangular, 8, 8)]
    [InlineData(PrecisionForm.Triangular, 4, 5)]
    [InlineData(PrecisionForm.Triangular, 2, 16_384 + 29)]
    [InlineData(PrecisionForm.Diagonal, 3, 16_384 + 10)]
    public void Accumulate_PartialLastPairOfBlocks_MatchesFloat64Reference(
        PrecisionForm form,
        int dimensions,
        int rows)
    {
        var random = new Random(20 + rows);
        KernelModel model = RandomMixture.CreateModel(random, 3, dimensions, form);
        float[] data = RandomMixture.SampleData(random, model, rows);

        AssertMatchesReference(model, data);
    }

    [Theory]
    [InlineData(PrecisionForm.Triangular)]
    [InlineData(PrecisionForm.Diagonal)]
    public void Accumulate_DataFarFromOrigin_MatchesFloat64Reference(PrecisionForm form)
    {
        var random = new Random(3);
        KernelModel model = RandomMixture.CreateModel(random, 3, 3, form, offset: 1e4);
        float[] data = RandomMixture.SampleData(random, model, Rows);

        AssertMatchesReference(model, data);
    }

    [Theory]
    [InlineData(PrecisionForm.Triangular, 2)]
    [InlineData(PrecisionForm.Triangular, 5)]
    [InlineData(PrecisionForm.Diagonal, 3)]
    public void Accumulate_OneOrTwoThreads_GivesBitIdenticalStatistics(
        PrecisionForm form,
        int dimensions)
    {
        var random = new Random(5);
        KernelModel model = RandomMixture.CreateModel(random, 5, dimensions, form);
        float[] data = RandomMixture.SampleData(random, model, 100_003);

        SufficientStatistics single = Accumulate(new CpuBackend(1), model, data);
        SufficientStatistics dual = Accumulate(new CpuBackend(2), model, data);

        StatisticsChecks.AssertIdentical(single, dual);
    }

    [Fact]
    public void Accumulate_DegenerateComponent_GetsNoResponsibilityAndNoNaN()
    {
        var random = new Random(7);
        KernelModel fitted = RandomMixture.CreateModel(random, 3, 2, PrecisionForm.Triangular);
        float[] data = RandomMixture.SampleData(random, fitted, 1_003);
        float[] logNormalizer = (float[])fitted.LogNormalizer.Clone();
        logNormalizer[1] = -1e30f;
        var model = new KernelModel(
            3, 2, fitted.Form, fitted.Means, fitted.PrecisionCholesky, logNormalizer);

        SufficientStatistics statistics = Accumulate(new CpuBackend(), model, data);

        Assert.Equal(0, statistics.Nk[1]);
        Assert.Equal(1_003, statistics.Nk.Sum(), 1e-3);
        Assert.True(double.IsFinite(statistics.LogLikelihood));
        Assert.All(statistics.Sk.Concat(statistics.Qk), v => Assert.True(double.IsFinite(v)));
    }

    [Fact]
    public void Accumulate_CancelledToken_Throws()
    {
        var random = new Random(37);
        KernelModel model = RandomMixture.CreateModel(random, 2, 2, PrecisionForm.Triangular);
        float[] data = RandomMixture.SampleData(random, model, 1_000);
        using var backend = new CpuBackend();
        using IDeviceDataset dataset = backend.Upload(data, 1_000, 2);
        var statistics = new SufficientStatistics(2, 2, PrecisionForm.Triangular);

        Assert.ThrowsAny<OperationCanceledException>(() =>
            backend.Accumulate(dataset, model, statistics, new CancellationToken(true)));
    }

    [Theory]
    [InlineData(PrecisionForm.Triangular)]
    [InlineData(PrecisionForm.Diagonal)]
    public void ScoreSamples_MatchesFloat64Reference(PrecisionForm form)
    {
        var random = new Random(11);
        KernelModel model = RandomMixture.CreateModel(random, 4, 3, form);
        float[] data = RandomMixture.SampleData(random, model, Rows);
        using var backend = new CpuBackend();
        using IDeviceDataset dataset = backend.Upload(data, Rows, 3);
        var scores = new double[Rows];

        backend.ScoreSamples(dataset, model, scores);

        double[] expected = NaiveReference.ScoreSamples(data, model);
        for (int n = 0; n < Rows; n++)
        {
            Assert.Equal(expected[n], scores[n], 1e-4 * (1 + Math.Abs(expected[n])));
        }
    }

    [Fact]
    public void Predict_MatchesFloat64ReferenceAwayFromTies()
    {
        var random = new Random(13);
        KernelModel model = RandomMixture.CreateModel(random, 5, 2, PrecisionForm.Triangular);
        float[] data = RandomMixture.SampleData(random, model, Rows);
        using var backend = new CpuBackend();
        using IDeviceDataset dataset = backend.Upload(data, Rows, 2);
        var labels = new int[Rows];

        backend.Predict(dataset, model, labels);

        int[] expected = NaiveReference.Predict(data, model);
        for (int n = 0; n < Rows; n++)
        {
            double[] logDensity =
                NaiveReference.ComponentLogDensities(model, data.AsSpan(n * 2, 2));
            bool tie = Math.Abs(logDensity[labels[n]] - logDensity[expected[n]]) < 1e-4;
            Assert.True(tie || labels[n] == expected[n], $"point {n}");
        }
    }

    [Fact]
    public void PredictProba_RowsSumToOne()
    {
        var random = new Random(17);
        KernelModel model = RandomMixture.CreateModel(random, 4, 3, PrecisionForm.Triangular);
        float[] data = RandomMixture.SampleData(random, model, 1_000);
        using var backend = new CpuBackend();
        using IDeviceDataset dataset = backend.Upload(data, 1_000, 3);
        var responsibilities = new double[100 * 4];

        backend.PredictProba(dataset, model, 900, 100, responsibilities);

        for (int n = 0; n < 100; n++)
        {
            Assert.Equal(1, responsibilities.AsSpan(n * 4, 4).ToArray().Sum(), 1e-9);
        }
    }

    [Fact]
    public void PredictProba_MatchesFloat64Reference()
    {
        var random = new Random(19);
        KernelModel model = RandomMixture.CreateModel(random, 4, 2, PrecisionForm.Diagonal);
        float[] data = RandomMixture.SampleData(random, model, 1_000);
        using var backend = new CpuBackend();
        using IDeviceDataset dataset = backend.Upload(data, 1_000, 2);
        var responsibilities = new double[1_000 * 4];

        backend.PredictProba(dataset, model, 0, 1_000, responsibilities);

        double[] expected = NaiveReference.PredictProba(data, model);
        for (int i = 0; i < expected.Length; i++)
        {
            Assert.Equal(expected[i], responsibilities[i], 1e-5);
        }
    }

    [Fact]
    public void LloydStep_MatchesFloat64Reference()
    {
        var random = new Random(23);
        KernelModel model = RandomMixture.CreateModel(random, 4, 3, PrecisionForm.Triangular);
        float[] data = RandomMixture.SampleData(random, model, Rows);
        using var backend = new CpuBackend();
        using IDeviceDataset dataset = backend.Upload(data, Rows, 3);
        var counts = new double[4];
        var sums = new double[12];
        var expectedCounts = new double[4];
        var expectedSums = new double[12];

        double inertia = backend.LloydStep(dataset, model.Means, 4, counts, sums);

        double expected = NaiveReference.LloydStep(
            data, 3, model.Means, 4, expectedCounts, expectedSums);
        Assert.Equal(expected, inertia, expected * Tolerance);
        Assert.Equal(expectedCounts, counts);
        AssertClose(expectedSums, sums, expectedSums.Max(Math.Abs) * 1e-12);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(5)]
    public void SampleByMinSquaredDistance_MatchesScalarReference(int dimensions)
    {
        var random = new Random(29 + dimensions);
        KernelModel model =
            RandomMixture.CreateModel(random, 3, dimensions, PrecisionForm.Triangular);
        float[] data = RandomMixture.SampleData(random, model, Rows);
        using var backend = new CpuBackend();

        SamplingChecks.AssertMatchesReference(backend, data, dimensions);
    }

    [Fact]
    public void SampleByMinSquaredDistance_DrawsProportionalToSquaredDistance()
    {
        using var backend = new CpuBackend();

        SamplingChecks.AssertDrawsProportionalToSquaredDistance(backend);
    }

    [Fact]
    public void SampleByMinSquaredDistance_AllDistancesZero_ReturnsMinusOne()
    {
        using var backend = new CpuBackend();

        SamplingChecks.AssertAllZeroDistancesGiveMinusOne(backend);
    }

    [Fact]
    public void SampleByMinSquaredDistance_IsDeterministic()
    {
        var random = new Random(31);
        KernelModel model = RandomMixture.CreateModel(random, 3, 2, PrecisionForm.Diagonal);
        float[] data = RandomMixture.SampleData(random, model, Rows);
        using var backend = new CpuBackend(maxDegreeOfParallelism: 2);

        SamplingChecks.AssertDeterministic(backend, data, 2);
    }

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
        using var backend = new CpuBackend();

        backend.EvaluateDensityGrid(model, grid, density);

        int peak = Array.IndexOf(density, density.Max());
        int nearestI = (int)Math.Round((mean[0] - grid.XMin) / 0.1);
        int nearestJ = (int)Math.Round((mean[1] - grid.YMin) / 0.2);
        Assert.Equal((nearestJ * grid.Width) + nearestI, peak);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(4)]
    public void EvaluateDensityGrid_MatchesFloat64Reference(int dimensions)
    {
        var random = new Random(31);
        KernelModel model = RandomMixture.CreateModel(
            random, 3, dimensions, PrecisionForm.Triangular);
        float[] basePoint = model.Means.AsSpan(0, dimensions).ToArray();
        var grid = new DensityGrid(23, 17, -6, 6, -5, 5, DimX: 1, DimY: 0, basePoint);
        var density = new float[23 * 17];
        using var backend = new CpuBackend();

        backend.EvaluateDensityGrid(model, grid, density);

        double[] expected = NaiveReference.DensityGrid(model, grid);
        AssertClose(expected, density.Select(v => (double)v).ToArray(), expected.Max() * 1e-5);
    }

    [Fact]
    public void DeviceName_IsTheCpuModel()
    {
        using var backend = new CpuBackend();

        Assert.Equal(ComputeDevice.Cpu, backend.Device);
        Assert.False(string.IsNullOrWhiteSpace(backend.DeviceName));
    }

    private static SufficientStatistics Accumulate(
        CpuBackend backend,
        KernelModel model,
        float[] data) =>
        StatisticsChecks.Accumulate(backend, model, data);

    private static void AssertMatchesReference(KernelModel model, float[] data) =>
        StatisticsChecks.AssertMatchesReference(
            Accumulate(new CpuBackend(null, CpuPass.Simd), model, data), model, data, Tolerance);

    private static void AssertClose(double[] expected, double[] actual, double tolerance)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
        {
            Assert.Equal(expected[i], actual[i], tolerance);
        }
    }
}
