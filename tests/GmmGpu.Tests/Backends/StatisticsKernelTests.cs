using GmmGpu.Backends.Ilgpu;
using GmmGpu.Engine;
using GmmGpu.TestData;
using Xunit;

namespace GmmGpu.Tests.Backends;

/// <summary>
/// Each E-step kernel of the ILGPU backend, pinned, against the float64 reference and each
/// other, on ilgpu-cpu as production launches it (one-thread groups) and in a small warp shape
/// (see <see cref="IlgpuWarpShapeFixture"/>), and on CUDA where a device is present.
/// </summary>
public abstract class StatisticsKernelTests
{
    /// <summary>Allowed error relative to Σ|term| of each sum (float32 per-point maths).</summary>
    private const double Tolerance = 1e-6;

    protected abstract IlgpuBackend Backend { get; }

    public static TheoryData<StatisticsKernelChoice, CovarianceType, int, int, int> KernelCases()
    {
        var cases = new TheoryData<StatisticsKernelChoice, CovarianceType, int, int, int>();
        foreach (StatisticsKernelChoice kernel in
            new[] { StatisticsKernelChoice.Tiled, StatisticsKernelChoice.Warp })
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
        KernelModel model =
            SeededMixture.Model(dimensions + (10 * components), components, dimensions, type);
        float[] data = SeededMixture.Points(rows, model, rows);

        SufficientStatistics actual = Accumulate(kernel, model, data);

        StatisticsChecks.AssertMatchesReference(actual, model, data, Tolerance);
    }

    [Theory]
    [InlineData(StatisticsKernelChoice.Warp, 0f)]
    [InlineData(StatisticsKernelChoice.Warp, 1e4f)]
    public void Accumulate_FarFromTheOrigin_MatchesFloat64Reference(
        StatisticsKernelChoice kernel, float offset)
    {
        KernelModel model = SeededMixture.Model(15, 4, 2, PrecisionForm.Triangular, offset);
        float[] data = SeededMixture.Points(16, model, 1001);

        SufficientStatistics actual = Accumulate(kernel, model, data);

        StatisticsChecks.AssertMatchesReference(actual, model, data, Tolerance);
    }

    [Theory]
    [InlineData(PrecisionForm.Triangular)]
    [InlineData(PrecisionForm.Diagonal)]
    public void Accumulate_WarpKernel_TwoRunsAreBitIdenticalAndAgreeWithTiled(
        PrecisionForm form)
    {
        KernelModel model = SeededMixture.Model(13, 5, 2, form);
        float[] data = SeededMixture.Points(14, model, 2001);

        SufficientStatistics first = Accumulate(StatisticsKernelChoice.Warp, model, data);
        SufficientStatistics second = Accumulate(StatisticsKernelChoice.Warp, model, data);
        SufficientStatistics tiled = Accumulate(StatisticsKernelChoice.Tiled, model, data);

        StatisticsChecks.AssertIdentical(first, second);
        (_, SufficientStatistics magnitude) = NaiveReference.Accumulate(data, model);
        StatisticsChecks.AssertClose(tiled, first, magnitude, 2 * Tolerance);
    }

    [Theory]
    [InlineData(StatisticsKernelChoice.Tiled, PrecisionForm.Triangular)]
    [InlineData(StatisticsKernelChoice.Warp, PrecisionForm.Triangular)]
    [InlineData(StatisticsKernelChoice.Tiled, PrecisionForm.Diagonal)]
    [InlineData(StatisticsKernelChoice.Warp, PrecisionForm.Diagonal)]
    public void Accumulate_PartialsOverBudget_OneGroupGivesTheSameSums(
        StatisticsKernelChoice kernel, PrecisionForm form)
    {
        KernelModel model = SeededMixture.Model(17, 3, 2, form);
        float[] data = SeededMixture.Points(18, model, 2001);
        SufficientStatistics unbounded = Accumulate(kernel, model, data);

        // One byte: room for no row, so one group takes every tile.
        Backend.PartialBudgetBytes = 1;
        SufficientStatistics bounded;
        try
        {
            bounded = Accumulate(kernel, model, data);
        }
        finally
        {
            Backend.PartialBudgetBytes = PartialBudget.DefaultBytes;
        }

        StatisticsChecks.AssertMatchesReference(bounded, model, data, Tolerance);
        (_, SufficientStatistics magnitude) = NaiveReference.Accumulate(data, model);
        StatisticsChecks.AssertClose(unbounded, bounded, magnitude, 2 * Tolerance);
    }

    [Fact]
    public void Accumulate_StreamedChunks_EqualResidentAndReuseTheirDeviceBuffers()
    {
        // Chunks start on multiples of 256 rows, as ChunkPlan cuts them.
        const int Rows = 1800;
        int[] starts = [0, 768, 1536];
        KernelModel model = SeededMixture.Model(19, 4, 3, PrecisionForm.Triangular);
        float[] data = SeededMixture.Points(20, model, Rows);
        SufficientStatistics resident = Accumulate(StatisticsKernelChoice.Auto, model, data);
        int allocations = Backend.DatasetBuffers.Allocations;

        var streamed = new SufficientStatistics(4, 3, model.Form);
        for (int iteration = 0; iteration < 3; iteration++)
        {
            streamed.Clear();
            for (int c = 0; c < starts.Length; c++)
            {
                int end = c + 1 < starts.Length ? starts[c + 1] : Rows;
                float[] chunk = data[(starts[c] * 3)..(end * 3)];
                SufficientStatistics part = Accumulate(StatisticsKernelChoice.Auto, model, chunk);
                Add(streamed, part);
            }
        }

        Assert.True(Backend.DatasetBuffers.Allocations - allocations <= 2);
        (_, SufficientStatistics magnitude) = NaiveReference.Accumulate(data, model);
        StatisticsChecks.AssertClose(resident, streamed, magnitude, 1e-9);
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

    private static void Add(SufficientStatistics total, SufficientStatistics part)
    {
        for (int i = 0; i < total.Nk.Length; i++)
        {
            total.Nk[i] += part.Nk[i];
        }

        for (int i = 0; i < total.Sk.Length; i++)
        {
            total.Sk[i] += part.Sk[i];
        }

        for (int i = 0; i < total.Qk.Length; i++)
        {
            total.Qk[i] += part.Qk[i];
        }

        total.LogLikelihood += part.LogLikelihood;
        total.Count += part.Count;
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
    Auto = 0,
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

/// <summary>The kernels on a CUDA GPU; each test says it is skipped where none is present.</summary>
public sealed class CudaStatisticsKernelTests(CudaFixture fixture)
    : StatisticsKernelTests, IClassFixture<CudaFixture>
{
    protected override IlgpuBackend Backend
    {
        get
        {
            Assert.SkipWhen(fixture.Backend is null, $"no CUDA device: {fixture.Reason}");
            return fixture.Backend!;
        }
    }
}
