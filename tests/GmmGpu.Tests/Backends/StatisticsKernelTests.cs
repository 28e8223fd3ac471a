using GmmGpu.Backends.Ilgpu;
using GmmGpu.Engine;
using Xunit;

namespace GmmGpu.Tests.Backends;

/// <summary>
/// Each E-step kernel of the ILGPU backend, pinned, against the float64 reference and each
/// other, on ilgpu-cpu as production launches it (one-thread groups) and in a small warp shape
/// (see <see cref="IlgpuWarpShapeFixture"/>).
/// </summary>
public abstract class StatisticsKernelTests
{
    /// <summary>Allowed error relative to Σ|term| of each sum (float32 per-point maths).</summary>
    private const double Tolerance = 1e-6;

    protected abstract IlgpuBackend Backend { get; }

    public static TheoryData<StatisticsKernelChoice, CovarianceType, int, int, int> KernelCases()
    {
        var cases = new TheoryData<StatisticsKernelChoice, CovarianceType, int, int, int>();
        foreach (StatisticsKernelChoice kernel in Enum.GetValues<StatisticsKernelChoice>())
        {
            foreach (CovarianceType type in Enum.GetValues<CovarianceType>())
            {
                cases.Add(kernel, type, 1, 3, 301);
                cases.Add(kernel, type, 3, 1, 257);
                cases.Add(kernel, type, 8, 4, 131);
            }

            cases.Add(kernel, CovarianceType.Full, 2, 5, 1025);
        }

        return cases;
    }

    [Theory]
    [MemberData(nameof(KernelCases))]
    public void Accumulate_EachKernel_MatchesFloat64Reference(
        StatisticsKernelChoice kernel, CovarianceType type, int dimensions, int components,
        int rows)
    {
        KernelModel model = CovarianceModels.Create(
            new Random(dimensions + (10 * components)), components, dimensions, type);
        float[] data = IlgpuTestData.Points(rows, model, rows);

        SufficientStatistics actual = Accumulate(kernel, model, data);

        StatisticsChecks.AssertMatchesReference(actual, model, data, Tolerance);
    }

    [Theory]
    [InlineData(StatisticsKernelChoice.Warp, 0f)]
    [InlineData(StatisticsKernelChoice.Warp, 1e4f)]
    public void Accumulate_FarFromTheOrigin_MatchesFloat64Reference(
        StatisticsKernelChoice kernel, float offset)
    {
        KernelModel model = IlgpuTestData.Model(15, 4, 2, PrecisionForm.Triangular, offset);
        float[] data = IlgpuTestData.Points(16, model, 1001);

        SufficientStatistics actual = Accumulate(kernel, model, data);

        StatisticsChecks.AssertMatchesReference(actual, model, data, Tolerance);
    }

    [Theory]
    [InlineData(PrecisionForm.Triangular)]
    [InlineData(PrecisionForm.Diagonal)]
    public void Accumulate_WarpKernel_TwoRunsAreBitIdenticalAndAgreeWithTiled(
        PrecisionForm form)
    {
        KernelModel model = IlgpuTestData.Model(13, 5, 2, form);
        float[] data = IlgpuTestData.Points(14, model, 2001);

        SufficientStatistics first = Accumulate(StatisticsKernelChoice.Warp, model, data);
        SufficientStatistics second = Accumulate(StatisticsKernelChoice.Warp, model, data);
        SufficientStatistics tiled = Accumulate(StatisticsKernelChoice.Tiled, model, data);

        StatisticsChecks.AssertIdentical(first, second);
        (_, SufficientStatistics magnitude) = NaiveReference.Accumulate(data, model);
        StatisticsChecks.AssertClose(tiled, first, magnitude, 2 * Tolerance);
    }

    [Theory]
    [InlineData(1, 1, true)]
    [InlineData(2, 5, true)]
    [InlineData(8, 16, true)]
    [InlineData(9, 4, false)]
    [InlineData(32, 32, false)]
    public void WarpAccumulatePlan_Auto_TakesTheWarpKernelForSmallD(
        int dimensions, int components, bool warp)
    {
        WarpPlan? plan = Backend.WarpAccumulatePlan(
            components, dimensions, PrecisionForm.Triangular, 100_000);

        Assert.Equal(warp, plan is not null);
    }

    private SufficientStatistics Accumulate(
        StatisticsKernelChoice kernel, KernelModel model, float[] data)
    {
        StatisticsKernel before = Backend.StatisticsKernel;
        Backend.StatisticsKernel = (StatisticsKernel)kernel;
        try
        {
            int d = model.Dimensions;
            using IDeviceDataset dataset = Backend.Upload(data, data.Length / d, d);
            var statistics = new SufficientStatistics(model.Components, d, model.Form);
            Backend.Accumulate(dataset, model, statistics, CancellationToken.None);
            return statistics;
        }
        finally
        {
            Backend.StatisticsKernel = before;
        }
    }
}

/// <summary>The E-step kernels a test pins (public for theory data; as StatisticsKernel).</summary>
public enum StatisticsKernelChoice
{
    Tiled = 1,
    Warp = 2,
}

/// <summary>The kernels on ilgpu-cpu as production creates it.</summary>
public sealed class IlgpuCpuStatisticsKernelTests(IlgpuCpuFixture fixture)
    : StatisticsKernelTests, IClassFixture<IlgpuCpuFixture>
{
    protected override IlgpuBackend Backend => fixture.Backend;
}

/// <summary>The kernels with warps of 4 lanes, 2 warps a group (shuffles and warp rows).</summary>
public sealed class IlgpuWarpShapeStatisticsKernelTests(IlgpuWarpShapeFixture fixture)
    : StatisticsKernelTests, IClassFixture<IlgpuWarpShapeFixture>
{
    protected override IlgpuBackend Backend => fixture.Backend;
}
