using GmmGpu.Backends.Cpu;
using GmmGpu.Backends.Cpu.Blocked;
using GmmGpu.Engine;
using GmmGpu.TestData;
using Xunit;

namespace GmmGpu.Tests.Backends;

/// <summary>
/// The blocked (GEMM-shaped) CPU pass against the float64 reference and against the SIMD pass,
/// for the four covariance types, and the cost model that chooses between them.
/// </summary>
public class BlockedPassTests
{
    private const double Tolerance = 1e-6;

    // With many components, the float32 log-densities of the components that share a point are
    // off by ~6e-8·|L| (|L| up to ~100 nats at D = 64), and that is the relative error of
    // their responsibilities: ~1e-5 in either CPU pass (the SIMD pass too, at K = 256).
    private const double ManyComponentsTolerance = 1e-5;

    // Sums of responsibilities far below 1: below e^-87 they are 0 in float32. Sums this small
    // do not move an M-step (reg_covar is 1e-6).
    private const double Underflow = 1e-8;

    // Three blocks of 64 and a tail of 37 points.
    private const int Rows = (3 * BlockScratch.BlockRows) + 37;

    public static TheoryData<CovarianceType, int, int> TypesDimensionsAndComponents()
    {
        var data = new TheoryData<CovarianceType, int, int>();
        foreach (CovarianceType type in Enum.GetValues<CovarianceType>())
        {
            foreach (int d in new[] { 16, 33, 64 })
            {
                foreach (int k in new[] { 1, 7, 256 })
                {
                    data.Add(type, d, k);
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(TypesDimensionsAndComponents))]
    public void Accumulate_MatchesFloat64ReferenceAndSimdPass(
        CovarianceType type,
        int dimensions,
        int components)
    {
        int seed = (100 * dimensions) + components;
        KernelModel model = SeededMixture.Model(seed, components, dimensions, type);
        float[] data = SeededMixture.Points(seed, model, Rows);

        AssertMatchesReferenceAndSimd(model, data);
    }

    [Theory]
    [InlineData(CovarianceType.Full)]
    [InlineData(CovarianceType.Tied)]
    [InlineData(CovarianceType.Diagonal)]
    [InlineData(CovarianceType.Spherical)]
    public void Accumulate_DataFarFromOrigin_MatchesFloat64ReferenceAndSimdPass(
        CovarianceType type)
    {
        KernelModel model = SeededMixture.Model(41, 7, 33, type, offset: 1e4);
        float[] data = SeededMixture.Points(41, model, Rows);

        AssertMatchesReferenceAndSimd(model, data);
    }

    // Several chunks (of 16384 or 4096 rows) and a part; blocks in order within each chunk.
    [Theory]
    [InlineData(CovarianceType.Full, 16)]
    [InlineData(CovarianceType.Diagonal, 17)]
    public void Accumulate_SeveralChunks_MatchesFloat64Reference(
        CovarianceType type,
        int dimensions)
    {
        KernelModel model = SeededMixture.Model(43, 5, dimensions, type);
        float[] data = SeededMixture.Points(43, model, (2 * 16_384) + 45);

        SufficientStatistics actual =
            StatisticsChecks.Accumulate(Blocked(null), model, data);

        StatisticsChecks.AssertMatchesReference(actual, model, data, Tolerance);
    }

    [Theory]
    [InlineData(CovarianceType.Full, 33)]
    [InlineData(CovarianceType.Diagonal, 40)]
    public void Accumulate_RepeatedOrOneOrTwoThreads_GivesBitIdenticalStatistics(
        CovarianceType type,
        int dimensions)
    {
        KernelModel model = SeededMixture.Model(47, 9, dimensions, type);
        float[] data = SeededMixture.Points(47, model, 40_003);

        SufficientStatistics single = StatisticsChecks.Accumulate(Blocked(1), model, data);
        SufficientStatistics dual = StatisticsChecks.Accumulate(Blocked(2), model, data);
        SufficientStatistics again = StatisticsChecks.Accumulate(Blocked(2), model, data);

        StatisticsChecks.AssertIdentical(single, dual);
        StatisticsChecks.AssertIdentical(dual, again);
    }

    // The backend keeps its last blocked pass (its padded factors) for the next call: a model
    // of the same shape is loaded over the previous one (the padding must stay zero), another
    // shape gets a new pass.
    [Theory]
    [InlineData(CovarianceType.Full, 37)]
    [InlineData(CovarianceType.Diagonal, 40)]
    public void Accumulate_ReusedPass_GivesTheStatisticsOfAFreshBackend(
        CovarianceType type,
        int dimensions)
    {
        KernelModel first = SeededMixture.Model(67, 3, dimensions, type);
        KernelModel second = SeededMixture.Model(68, 3, dimensions, type, offset: 5);
        KernelModel wider = SeededMixture.Model(69, 3, dimensions + 1, type);
        float[] data = SeededMixture.Points(68, second, 20_011);
        float[] wideData = SeededMixture.Points(69, wider, 1_001);
        using CpuBackend reused = Blocked(2);
        using IDeviceDataset dataset = reused.Upload(data, 20_011, dimensions);
        using IDeviceDataset wideDataset = reused.Upload(wideData, 1_001, dimensions + 1);

        var statistics = new SufficientStatistics(3, dimensions, second.Form);
        reused.Accumulate(dataset, first, statistics, CancellationToken.None);
        reused.Accumulate(dataset, second, statistics, CancellationToken.None);
        var wide = new SufficientStatistics(3, dimensions + 1, wider.Form);
        reused.Accumulate(wideDataset, wider, wide, CancellationToken.None);

        StatisticsChecks.AssertIdentical(
            StatisticsChecks.Accumulate(Blocked(2), second, data), statistics);
        StatisticsChecks.AssertIdentical(
            StatisticsChecks.Accumulate(Blocked(2), wider, wideData), wide);
    }

    [Fact]
    public void Accumulate_DegenerateComponent_GetsNoResponsibilityAndNoNaN()
    {
        KernelModel model = SeededMixture.Model(53, 9, 20, CovarianceType.Full);
        float[] data = SeededMixture.Points(53, model, 1_003);
        model.LogNormalizer[1] = -1e30f;

        SufficientStatistics statistics = StatisticsChecks.Accumulate(Blocked(null), model, data);

        Assert.Equal(0, statistics.Nk[1]);
        Assert.Equal(1_003, statistics.Nk.Sum(), 1e-3);
        Assert.True(double.IsFinite(statistics.LogLikelihood));
        Assert.All(statistics.Sk.Concat(statistics.Qk), v => Assert.True(double.IsFinite(v)));
    }

    [Theory]
    [InlineData(CovarianceType.Full, 20, 9)]
    [InlineData(CovarianceType.Diagonal, 33, 256)]
    public void Scoring_MatchesFloat64Reference(CovarianceType type, int dimensions, int components)
    {
        KernelModel model = SeededMixture.Model(59, components, dimensions, type);
        float[] data = SeededMixture.Points(59, model, Rows);
        using CpuBackend backend = Blocked(null);
        using IDeviceDataset dataset = backend.Upload(data, Rows, dimensions);
        var scores = new double[Rows];
        var labels = new int[Rows];
        const int First = 50;
        const int Count = 150;
        var responsibilities = new double[Count * components];

        backend.ScoreSamples(dataset, model, scores);
        backend.Predict(dataset, model, labels);
        backend.PredictProba(dataset, model, First, Count, responsibilities);

        double[] expectedScores = NaiveReference.ScoreSamples(data, model);
        int[] expectedLabels = NaiveReference.Predict(data, model);
        for (int n = 0; n < Rows; n++)
        {
            Assert.Equal(expectedScores[n], scores[n], 1e-5 * (1 + Math.Abs(expectedScores[n])));
            double[] logDensity = NaiveReference.ComponentLogDensities(
                model, data.AsSpan(n * dimensions, dimensions));
            bool tie = Math.Abs(logDensity[labels[n]] - logDensity[expectedLabels[n]]) < 1e-3;
            Assert.True(tie || labels[n] == expectedLabels[n], $"point {n}");
        }

        for (int n = 0; n < Count; n++)
        {
            double[] expected = NaiveReference.Responsibilities(
                model, data.AsSpan((First + n) * dimensions, dimensions));
            Span<double> row = responsibilities.AsSpan(n * components, components);
            Assert.Equal(1, row.ToArray().Sum(), 1e-9);
            for (int k = 0; k < components; k++)
            {
                Assert.Equal(expected[k], row[k], 1e-5);
            }
        }
    }

    [Theory]
    [InlineData(PrecisionForm.Triangular, 2, 5, false)]
    [InlineData(PrecisionForm.Triangular, 8, 16, false)]
    [InlineData(PrecisionForm.Triangular, 10, 16, false)]
    [InlineData(PrecisionForm.Triangular, 12, 4, true)]
    [InlineData(PrecisionForm.Triangular, 12, 16, true)]
    [InlineData(PrecisionForm.Triangular, 32, 16, true)]
    [InlineData(PrecisionForm.Diagonal, 2, 5, false)]
    [InlineData(PrecisionForm.Diagonal, 8, 16, true)]
    [InlineData(PrecisionForm.Diagonal, 32, 256, true)]
    [InlineData(PrecisionForm.Diagonal, 40, 512, true)]
    public void CostModel_PicksThePassOnItsSideOfTheMeasuredCrossover(
        PrecisionForm form,
        int dimensions,
        int components,
        bool blocked)
    {
        KernelModel model = SeededMixture.Model(61, components, dimensions, form);

        IBlockedPass? chosen = CpuPassChoice.Select(model, CpuPass.Auto);

        Assert.Equal(blocked && System.Runtime.Intrinsics.Vector512.IsHardwareAccelerated,
            chosen is not null);
        Assert.Null(CpuPassChoice.Select(model, CpuPass.Simd));
        Assert.NotNull(CpuPassChoice.Select(model, CpuPass.Blocked));
    }

    private static CpuBackend Blocked(int? threads) => new(threads, CpuPass.Blocked);

    private static void AssertMatchesReferenceAndSimd(KernelModel model, float[] data)
    {
        SufficientStatistics blocked = StatisticsChecks.Accumulate(Blocked(null), model, data);
        SufficientStatistics simd =
            StatisticsChecks.Accumulate(new CpuBackend(null, CpuPass.Simd), model, data);
        (SufficientStatistics expected, SufficientStatistics magnitude) =
            NaiveReference.Accumulate(data, model);

        double tolerance = model.Components > 16 ? ManyComponentsTolerance : Tolerance;
        StatisticsChecks.AssertClose(expected, simd, magnitude, tolerance, Underflow);
        StatisticsChecks.AssertClose(expected, blocked, magnitude, tolerance, Underflow);
        StatisticsChecks.AssertClose(simd, blocked, magnitude, 2 * tolerance, Underflow);
    }
}
