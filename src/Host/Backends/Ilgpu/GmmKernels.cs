using GmmGpu.Kernels;
using ILGPU;
using ILGPU.Runtime;

namespace GmmGpu.Backends.Ilgpu;

/// <summary>Every kernel of the library, compiled once for one accelerator.</summary>
internal sealed class GmmKernels
{
    private readonly Accelerator accelerator;
    private readonly Action<AcceleratorStream, KernelConfig, WarpStatsParams>?[] warpStats =
        new Action<AcceleratorStream, KernelConfig, WarpStatsParams>?[
            WarpStatsKernel.MaxDimensions + 1];

    public GmmKernels(Accelerator accelerator)
    {
        this.accelerator = accelerator;
        ResponsibilityStats = accelerator.LoadKernel<ResponsibilityStatsParams>(
            ResponsibilityStatsKernel.Execute);
        ReducePartials = accelerator.LoadKernel<ReducePartialsParams>(
            ReducePartialsKernel.Execute);
        SampleByMinSquaredDistance =
            accelerator.LoadKernel<SampleByMinSquaredDistanceParams>(
                SampleByMinSquaredDistanceKernel.Execute);
        LloydAssign = accelerator.LoadKernel<LloydAssignParams>(LloydAssignKernel.Execute);
        ScoreSamples = accelerator.LoadAutoGroupedKernel<Index1D, PointBatchParams<double>>(
            ScoreSamplesKernel.Execute);
        Predict = accelerator.LoadAutoGroupedKernel<Index1D, PointBatchParams<int>>(
            PredictKernel.Execute);
        Responsibilities =
            accelerator.LoadAutoGroupedKernel<Index1D, PointBatchParams<double>>(
                ResponsibilitiesKernel.Execute);
        DensityGrid = accelerator.LoadAutoGroupedKernel<Index1D, DensityGridParams>(
            DensityGridKernel.Execute);
    }

    public Action<AcceleratorStream, KernelConfig, ResponsibilityStatsParams>
        ResponsibilityStats { get; }

    public Action<AcceleratorStream, KernelConfig, ReducePartialsParams> ReducePartials { get; }

    /// <summary>
    /// The small-D E-step specialised for D features, 1 ≤ D ≤
    /// <see cref="WarpStatsKernel.MaxDimensions"/>: compiled on first use, then kept.
    /// </summary>
    public Action<AcceleratorStream, KernelConfig, WarpStatsParams> WarpStats(int dimensions) =>
        warpStats[dimensions] ??= dimensions switch
        {
            1 => accelerator.LoadKernel<WarpStatsParams>(WarpStatsKernel.Execute<Features1>),
            2 => accelerator.LoadKernel<WarpStatsParams>(WarpStatsKernel.Execute<Features2>),
            3 => accelerator.LoadKernel<WarpStatsParams>(WarpStatsKernel.Execute<Features3>),
            4 => accelerator.LoadKernel<WarpStatsParams>(WarpStatsKernel.Execute<Features4>),
            5 => accelerator.LoadKernel<WarpStatsParams>(WarpStatsKernel.Execute<Features5>),
            6 => accelerator.LoadKernel<WarpStatsParams>(WarpStatsKernel.Execute<Features6>),
            7 => accelerator.LoadKernel<WarpStatsParams>(WarpStatsKernel.Execute<Features7>),
            8 => accelerator.LoadKernel<WarpStatsParams>(WarpStatsKernel.Execute<Features8>),
            _ => throw new ArgumentOutOfRangeException(
                nameof(dimensions), dimensions, "The warp kernel takes 1 ≤ D ≤ 8."),
        };

    public Action<AcceleratorStream, KernelConfig, SampleByMinSquaredDistanceParams>
        SampleByMinSquaredDistance { get; }

    public Action<AcceleratorStream, KernelConfig, LloydAssignParams> LloydAssign { get; }

    public Action<AcceleratorStream, Index1D, PointBatchParams<double>> ScoreSamples { get; }

    public Action<AcceleratorStream, Index1D, PointBatchParams<int>> Predict { get; }

    public Action<AcceleratorStream, Index1D, PointBatchParams<double>> Responsibilities { get; }

    public Action<AcceleratorStream, Index1D, DensityGridParams> DensityGrid { get; }
}
