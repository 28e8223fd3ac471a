using GmmGpu.Kernels;
using ILGPU;
using ILGPU.Runtime;

namespace GmmGpu.Backends.Ilgpu;

/// <summary>Every kernel of the library, compiled once for one accelerator.</summary>
internal sealed class GmmKernels
{
    public GmmKernels(Accelerator accelerator)
    {
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

    public Action<AcceleratorStream, KernelConfig, SampleByMinSquaredDistanceParams>
        SampleByMinSquaredDistance { get; }

    public Action<AcceleratorStream, KernelConfig, LloydAssignParams> LloydAssign { get; }

    public Action<AcceleratorStream, Index1D, PointBatchParams<double>> ScoreSamples { get; }

    public Action<AcceleratorStream, Index1D, PointBatchParams<int>> Predict { get; }

    public Action<AcceleratorStream, Index1D, PointBatchParams<double>> Responsibilities { get; }

    public Action<AcceleratorStream, Index1D, DensityGridParams> DensityGrid { get; }
}
