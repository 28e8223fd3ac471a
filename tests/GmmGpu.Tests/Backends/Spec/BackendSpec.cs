using GmmGpu.Engine;
using GmmGpu.TestData;
using Xunit;

namespace GmmGpu.Tests.Backends;

/// <summary>
/// One specification of <see cref="IComputeBackend"/>, against the float64 reference: every
/// backend runs the same cases on the same seeded data (<see cref="SeededMixture"/>) with the
/// same tolerances, except where a backend declares what it promises (the virtual members).
/// The backends are the subclasses in <c>BackendSpecs.cs</c>: cpu, ilgpu-cpu in two launch
/// shapes, and cuda where a device is present. This file: the fused E-step and statistics.
/// </summary>
public abstract partial class BackendSpec
{
    /// <summary>Allowed error relative to Σ|term| of each sum (float32 per-point maths).</summary>
    private const double Tolerance = 1e-6;

    /// <summary>
    /// Allowed error of any sum besides that: a float32 responsibility tens of nats below its
    /// point's density keeps a relative error of ~1e-6·|log-density|, so a sum of one or two
    /// of them (a few rows) may miss <see cref="Tolerance"/>. Sums this small move no M-step
    /// (reg_covar is 1e-6).
    /// </summary>
    private const double Floor = 1e-9;

    protected abstract IComputeBackend Backend { get; }

    /// <summary>Draws of the proportionality test (fewer where a launch is slow).</summary>
    protected virtual int SamplingDraws => 4000;

    /// <summary>How far a row of <see cref="IComputeBackend.PredictProba"/> may sum from 1
    /// (float32 exponentials: 1e-5; normalised in float64: less).</summary>
    protected virtual double ProbabilitySumTolerance => 1e-5;

    /// <summary>
    /// How far each sum of <see cref="IComputeBackend.LloydStep"/> may be from the float64
    /// reference's, relative to the largest sum: float32 differences x − c summed in float64
    /// (the ILGPU kernels): 1e-8; float points summed in float64: less.
    /// </summary>
    protected virtual double LloydSumTolerance => 1e-8;

    /// <summary>
    /// Sizes around every backend's edges: one feature; D = 8 (a SIMD width, the largest D of
    /// the warp kernel); more rows than one 16,384-row CPU chunk or one launch of groups;
    /// E = 433 sums at D = 7, K = 12 (more than a group has threads); data 1e4 from the origin.
    /// </summary>
    public static TheoryData<PrecisionForm, int, int, float> StatisticsCases()
    {
        var cases = new TheoryData<PrecisionForm, int, int, float>();
        foreach (PrecisionForm form in new[] { PrecisionForm.Triangular, PrecisionForm.Diagonal })
        {
            foreach (int d in new[] { 1, 2, 5 })
            {
                cases.Add(form, d, 1037, 0f);
            }

            cases.Add(form, 3, 20011, 0f);
            cases.Add(form, 8, 20003, 0f);
            cases.Add(form, 7, 3333, 0f);
            cases.Add(form, 2, 3001, 1e4f);
            cases.Add(form, 3, 20003, 1e4f);
        }

        return cases;
    }

    public static TheoryData<PrecisionForm, int> FormAndDimensions()
    {
        var cases = new TheoryData<PrecisionForm, int>();
        foreach (PrecisionForm form in new[] { PrecisionForm.Triangular, PrecisionForm.Diagonal })
        {
            foreach (int d in new[] { 1, 2, 5 })
            {
                cases.Add(form, d);
            }
        }

        return cases;
    }

    [Theory]
    [MemberData(nameof(StatisticsCases))]
    public void Accumulate_MatchesFloat64Reference(
        PrecisionForm form, int dimensions, int rows, float offset)
    {
        int components = dimensions == 7 ? 12 : 4;
        KernelModel model = SeededMixture.Model(1, components, dimensions, form, offset);
        float[] data = SeededMixture.Points(2, model, rows);

        AssertMatchesReference(Accumulate(model, data), model, data);
    }

    /// <summary>
    /// The CPU pass works in pairs of blocks of 8 points: the last pair may hold one full block
    /// and part of the next, exactly one block, or part of one, after whole chunks or alone.
    /// Other backends meet the same row counts as partial groups and tiles.
    /// </summary>
    [Theory]
    [InlineData(PrecisionForm.Triangular, 5, 13)]
    [InlineData(PrecisionForm.Triangular, 8, 8)]
    [InlineData(PrecisionForm.Triangular, 4, 5)]
    [InlineData(PrecisionForm.Triangular, 2, 16_384 + 29)]
    [InlineData(PrecisionForm.Diagonal, 3, 16_384 + 10)]
    public void Accumulate_RowCountsAtBlockEdges_MatchFloat64Reference(
        PrecisionForm form, int dimensions, int rows)
    {
        KernelModel model = SeededMixture.Model(20 + rows, 3, dimensions, form);
        float[] data = SeededMixture.Points(21 + rows, model, rows);

        AssertMatchesReference(Accumulate(model, data), model, data);
    }

    [Theory]
    [InlineData(PrecisionForm.Triangular)]
    [InlineData(PrecisionForm.Diagonal)]
    public void Accumulate_TwoRuns_AreBitIdentical(PrecisionForm form)
    {
        KernelModel model = SeededMixture.Model(3, 5, 3, form);
        float[] data = SeededMixture.Points(4, model, 50_003);
        using IDeviceDataset dataset = Backend.Upload(data, 50_003, 3);
        var first = new SufficientStatistics(5, 3, form);
        var second = new SufficientStatistics(5, 3, form);

        Backend.Accumulate(dataset, model, first, CancellationToken.None);
        Backend.Accumulate(dataset, model, second, CancellationToken.None);

        StatisticsChecks.AssertIdentical(first, second);
        Assert.Equal(
            BitConverter.DoubleToInt64Bits(first.LogLikelihood),
            BitConverter.DoubleToInt64Bits(second.LogLikelihood));
    }

    /// <summary>A component whose log normaliser is −1e30 (weight ~0): it takes no point, and
    /// no sum becomes NaN or infinite.</summary>
    [Fact]
    public void Accumulate_DegenerateComponent_GetsNoResponsibilityAndNoNaN()
    {
        KernelModel model = SeededMixture.Model(7, 3, 2, PrecisionForm.Triangular);
        float[] data = SeededMixture.Points(8, model, 1_003);
        model.LogNormalizer[1] = -1e30f;

        SufficientStatistics statistics = Accumulate(model, data);

        Assert.Equal(0, statistics.Nk[1]);
        Assert.Equal(1_003, statistics.Nk.Sum(), 1e-3);
        Assert.True(double.IsFinite(statistics.LogLikelihood));
        Assert.All(statistics.Sk.Concat(statistics.Qk), v => Assert.True(double.IsFinite(v)));
    }

    [Fact]
    public void Accumulate_CancelledToken_Throws()
    {
        KernelModel model = SeededMixture.Model(37, 2, 2, PrecisionForm.Triangular);
        float[] data = SeededMixture.Points(38, model, 1_000);
        using IDeviceDataset dataset = Backend.Upload(data, 1_000, 2);
        var statistics = new SufficientStatistics(2, 2, PrecisionForm.Triangular);

        Assert.ThrowsAny<OperationCanceledException>(() =>
            Backend.Accumulate(dataset, model, statistics, new CancellationToken(true)));
    }

    /// <summary>
    /// The same instance, changed in place between calls, is read anew: a device copy kept by
    /// the model's identity would sum under the old parameters.
    /// </summary>
    [Theory]
    [InlineData(PrecisionForm.Triangular)]
    [InlineData(PrecisionForm.Diagonal)]
    public void Accumulate_ModelChangedInPlace_UsesTheNewValues(PrecisionForm form)
    {
        KernelModel model = SeededMixture.Model(39, 3, 3, form);
        float[] data = SeededMixture.Points(40, model, 2_001);
        _ = Accumulate(model, data);

        model.Means[0] += 1.5f;
        model.PrecisionCholesky[model.PrecisionCholesky.Length - 1] *= 1.25f;
        model.LogNormalizer[2] -= 2f;

        AssertMatchesReference(Accumulate(model, data), model, data);
    }

    [Fact]
    public void DeviceName_IsNotEmpty() =>
        Assert.False(string.IsNullOrWhiteSpace(Backend.DeviceName));

    private static void AssertMatchesReference(
        SufficientStatistics actual, KernelModel model, float[] data)
    {
        (SufficientStatistics expected, SufficientStatistics magnitude) =
            NaiveReference.Accumulate(data, model);
        StatisticsChecks.AssertClose(expected, actual, magnitude, Tolerance, Floor);
    }

    private SufficientStatistics Accumulate(KernelModel model, float[] data)
    {
        int d = model.Dimensions;
        using IDeviceDataset dataset = Backend.Upload(data, data.Length / d, d);
        var statistics = new SufficientStatistics(model.Components, d, model.Form);
        Backend.Accumulate(dataset, model, statistics, CancellationToken.None);
        return statistics;
    }
}
