using GmmGpu.Engine;
using GmmGpu.Kernels;
using ILGPU;
using ILGPU.Runtime;

namespace GmmGpu.Backends.Ilgpu;

/// <summary>Per-point outputs: log-likelihoods, labels, responsibilities, density grids.</summary>
public sealed partial class IlgpuBackend
{
    /// <summary>Points per launch of the per-point kernels (bounds the result buffers).</summary>
    private const int BatchPoints = 1 << 20;

    /// <inheritdoc/>
    public void ScoreSamples(IDeviceDataset data, KernelModel model, Span<double> logLikelihood)
    {
        accelerator.Bind();
        RunBatches(Own(data), Resident(model), doubleResults, kernels.ScoreSamples, logLikelihood);
    }

    /// <inheritdoc/>
    public void Predict(IDeviceDataset data, KernelModel model, Span<int> labels)
    {
        accelerator.Bind();
        RunBatches(Own(data), Resident(model), intResults, kernels.Predict, labels);
    }

    /// <inheritdoc/>
    public void PredictProba(
        IDeviceDataset data,
        KernelModel model,
        long start,
        int count,
        Span<double> responsibilities)
    {
        accelerator.Bind();
        IlgpuDataset dataset = Own(data);
        MixtureView view = Resident(model);
        if (count == 0)
        {
            return;
        }

        ArrayView1D<double, Stride1D.Dense> output =
            doubleResults.View((long)count * model.Components);
        kernels.Responsibilities(
            stream, count, new PointBatchParams<double>(dataset.View, start, view, output));
        output.CopyToCPU(stream, responsibilities[..(count * model.Components)]);
    }

    /// <inheritdoc/>
    public void EvaluateDensityGrid(KernelModel model, DensityGrid grid, Span<float> density)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(grid);
        grid.Validate(model.Dimensions);
        accelerator.Bind();
        MixtureView view = Resident(model);
        int d = model.Dimensions;
        ArrayView<float> basePoint = grid.BasePoint is null
            ? ZeroPoint(d)
            : points.Upload(stream, grid.BasePoint.AsSpan(0, d));
        int cells = grid.Width * grid.Height;
        ArrayView1D<float, Stride1D.Dense> output = floatResults.View(cells);
        kernels.DensityGrid(
            stream,
            cells,
            new DensityGridParams(
                view,
                basePoint,
                grid.Width,
                grid.DimX,
                grid.DimY,
                (float)grid.XMin,
                (float)((grid.XMax - grid.XMin) / (grid.Width - 1)),
                (float)grid.YMin,
                (float)((grid.YMax - grid.YMin) / (grid.Height - 1)),
                output));
        output.CopyToCPU(stream, density[..cells]);
    }

    /// <summary>Runs a one-value-per-point kernel over the data, BatchPoints at a time.</summary>
    private void RunBatches<T>(
        IlgpuDataset dataset,
        MixtureView view,
        DeviceArray<T> results,
        Action<AcceleratorStream, Index1D, PointBatchParams<T>> kernel,
        Span<T> output)
        where T : unmanaged
    {
        for (long start = 0; start < dataset.Rows; start += BatchPoints)
        {
            int count = (int)Math.Min(BatchPoints, dataset.Rows - start);
            ArrayView1D<T, Stride1D.Dense> batch = results.View(count);
            kernel(stream, count, new PointBatchParams<T>(dataset.View, start, view, batch));
            batch.CopyToCPU(stream, output.Slice((int)start, count));
        }
    }

    private ArrayView<float> ZeroPoint(int dimensions)
    {
        ArrayView1D<float, Stride1D.Dense> view = points.View(dimensions);
        view.MemSetToZero(stream);
        return view;
    }
}
