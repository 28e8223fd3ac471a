using GmmGpu.Engine;
using GmmGpu.Kernels;
using ILGPU;
using ILGPU.Runtime;

namespace GmmGpu.Backends.Ilgpu;

/// <summary>The passes that return sums: E-step statistics, k-means++ and Lloyd steps.</summary>
public sealed partial class IlgpuBackend
{
    private const int MaxReduceGroups = 1024;

    /// <inheritdoc/>
    public void Accumulate(
        IDeviceDataset data,
        KernelModel model,
        SufficientStatistics statistics,
        CancellationToken cancellationToken)
    {
        accelerator.Bind();
        cancellationToken.ThrowIfCancellationRequested();
        IlgpuDataset dataset = Own(data);
        MixtureView view = Resident(model);
        (ArrayView<double> rows, int rowCount, int entries) =
            LaunchStatistics(dataset, model, view);
        ReadOnlySpan<double> sums = Reduce(rows, rowCount, entries);

        int k = model.Components;
        int first = k * model.Dimensions;
        sums[..k].CopyTo(statistics.Nk);
        sums.Slice(k, first).CopyTo(statistics.Sk);
        sums.Slice(k + first, statistics.Qk.Length).CopyTo(statistics.Qk);
        statistics.LogLikelihood = sums[^1];
        statistics.Count = dataset.Rows;
    }

    /// <inheritdoc/>
    public SampleCandidate SampleByMinSquaredDistance(
        IDeviceDataset data, ReadOnlySpan<float> centres, int count, ulong seed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        accelerator.Bind();
        IlgpuDataset dataset = Own(data);
        int d = dataset.Columns;
        ArrayView<float> centreView = this.centres.Upload(stream, centres[..(count * d)]);
        int groupSize = Shape.GroupSize;
        long resident = (long)accelerator.NumMultiprocessors * Shape.GroupsPerMultiprocessor;
        int groups = (int)Math.Clamp((dataset.Rows + groupSize - 1) / groupSize, 1, resident);
        ArrayView1D<double, Stride1D.Dense> pairs = partials.View(2L * groups);
        kernels.SampleByMinSquaredDistance(
            stream,
            new KernelConfig(
                groups, groupSize, SharedMemoryConfig.RequestDynamic<double>(2 * groupSize)),
            new SampleByMinSquaredDistanceParams(
                dataset.View, dataset.Rows, d, centreView, count, seed, pairs));
        if (hostTotals.Length < 2 * groups)
        {
            hostTotals = new double[2 * groups];
        }

        Span<double> host = hostTotals.AsSpan(0, 2 * groups);
        pairs.CopyToCPU(stream, host);
        SampleCandidate best = SampleCandidate.None;
        for (int g = 0; g < groups; g++)
        {
            best = best.Best(new SampleCandidate(host[g], (long)host[groups + g]));
        }

        return best;
    }

    /// <inheritdoc/>
    public double LloydStep(
        IDeviceDataset data,
        ReadOnlySpan<float> centres,
        int components,
        Span<double> counts,
        Span<double> sums)
    {
        accelerator.Bind();
        IlgpuDataset dataset = Own(data);
        int d = dataset.Columns;
        ArrayView<float> centreView = this.centres.Upload(stream, centres[..(components * d)]);
        TilePlan plan = Plan(components, d, MomentForm.None, dataset.Rows);
        ArrayView<double> rows = partials.View((long)plan.Rows * plan.Layout.Entries);
        kernels.LloydAssign(
            stream,
            plan.Config,
            new LloydAssignParams(dataset.View, dataset.Rows, centreView, plan.Layout, rows));
        ReadOnlySpan<double> totalsRead = Reduce(rows, plan.Rows, plan.Layout.Entries);
        totalsRead[..components].CopyTo(counts);
        for (int k = 0; k < components; k++)
        {
            for (int i = 0; i < d; i++)
            {
                int index = (k * d) + i;
                sums[index] = totalsRead[components + index] + (counts[k] * centres[index]);
            }
        }

        return totalsRead[^1];
    }

    /// <summary>Which E-step kernel <see cref="Accumulate"/> runs (tests and benchmarks pin it).</summary>
    internal StatisticsKernel StatisticsKernel { get; set; }

    /// <summary>Device memory the tiled and warp kernels' partial rows may take.</summary>
    internal long PartialBudgetBytes { get; set; } = PartialBudget.DefaultBytes;

    /// <summary>
    /// The warp kernel's plan for this model and size, or null where it does not apply: on
    /// OpenCL (ILGPU 1.5.3 has OpenCL warp shuffles for Intel devices only), or when
    /// <see cref="StatisticsKernel"/> pins the tiled kernel.
    /// </summary>
    internal WarpPlan? WarpAccumulatePlan(
        int components, int dimensions, PrecisionForm form, long rows) =>
        StatisticsKernel == StatisticsKernel.Tiled
            || accelerator.AcceleratorType == AcceleratorType.OpenCL
            ? null
            : WarpPlan.Create(
                accelerator.MaxSharedMemoryPerGroup,
                accelerator.WarpSize,
                accelerator.NumMultiprocessors,
                Shape.GroupsPerMultiprocessor,
                Shape.GroupSize,
                components,
                dimensions,
                Moments(form),
                rows)?.WithinBudget(PartialBudgetBytes);

    /// <summary>
    /// Queues the E-step kernel <see cref="StatisticsKernel"/> chooses; returns its partial rows
    /// (rows, entries).
    /// </summary>
    private (ArrayView<double> Rows, int RowCount, int Entries) LaunchStatistics(
        IlgpuDataset dataset, KernelModel model, MixtureView view)
    {
        int k = model.Components;
        int d = model.Dimensions;
        if (WarpAccumulatePlan(k, d, model.Form, dataset.Rows) is WarpPlan warp)
        {
            ArrayView<double> warpRows = partials.View((long)warp.Rows * warp.Entries);
            kernels.WarpStats(d)(
                stream, warp.Config, new WarpStatsParams(dataset.View, dataset.Rows, view, warpRows));
            return (warpRows, warp.Rows, warp.Entries);
        }

        if (StatisticsKernel == StatisticsKernel.Warp)
        {
            throw new InvalidOperationException(
                $"The warp kernel does not take K={k}, D={d} (D ≤ {WarpStatsKernel.MaxDimensions} "
                + "and one row of sums in shared memory).");
        }

        TilePlan plan = AccumulatePlan(k, d, model.Form, dataset.Rows);
        ArrayView<double> rows = partials.View((long)plan.Rows * plan.Layout.Entries);
        kernels.ResponsibilityStats(
            stream,
            plan.Config,
            new ResponsibilityStatsParams(dataset.View, dataset.Rows, view, plan.Layout, rows));
        return (rows, plan.Rows, plan.Layout.Entries);
    }

    private static MomentForm Moments(PrecisionForm form) =>
        form == PrecisionForm.Triangular ? MomentForm.Triangular : MomentForm.Diagonal;

    /// <summary>The tiled kernel's launch plan for this model and size.</summary>
    internal TilePlan AccumulatePlan(
        int components, int dimensions, PrecisionForm form, long rows) =>
        Plan(components, dimensions, Moments(form), rows);

    private TilePlan Plan(int components, int dimensions, MomentForm moments, long rows)
    {
        int sums = new TileLayout(1, components, dimensions, moments, 1).Entries;
        int groupSize = Shape.WideGroupSize > 0 && sums >= 8 * Shape.GroupSize
            ? Math.Min(Shape.WideGroupSize, accelerator.MaxNumThreadsPerGroup)
            : Shape.GroupSize;
        return TilePlan.Create(
            accelerator.MaxSharedMemoryPerGroup,
            accelerator.Name,
            accelerator.NumMultiprocessors,
            Shape.GroupsPerMultiprocessor,
            groupSize,
            Shape.MaxTilePoints,
            components,
            dimensions,
            moments,
            rows).WithinBudget(PartialBudgetBytes);
    }

    /// <summary>
    /// Sums the partial rows (rows, entries) per entry on the device and reads the totals
    /// back: the call's one synchronization.
    /// </summary>
    private ReadOnlySpan<double> Reduce(ArrayView<double> rows, int rowCount, int entries)
    {
        ArrayView1D<double, Stride1D.Dense> sums = totals.View(entries);
        var config = new KernelConfig(
            Math.Min(entries, MaxReduceGroups),
            Shape.GroupSize,
            SharedMemoryConfig.RequestDynamic<double>(Shape.GroupSize));
        kernels.ReducePartials(
            stream, config, new ReducePartialsParams(rows, rowCount, entries, sums));
        if (hostTotals.Length < entries)
        {
            hostTotals = new double[entries];
        }

        Span<double> host = hostTotals.AsSpan(0, entries);
        sums.CopyToCPU(stream, host);
        return host;
    }
}
