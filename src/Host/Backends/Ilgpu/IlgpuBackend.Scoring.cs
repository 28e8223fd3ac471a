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
        IlgpuDataset dataset = Own(data);
        MixtureView view = Resident(model);
        for (long start = 0; start < dataset.Rows; start += BatchPoints)
        {
            int count = (int)Math.Min(BatchPoints, dataset.Rows - start);
            ArrayView1D<double, Stride1D.Dense> output = doubleResults.View(count);
            kernels.ScoreSamples(
                stream, count, new PointBatchParams<double>(dataset.View, start, view, output));
            output.CopyToCPU(stream, logLikelihood.Slice((int)start, count));
        }
    }

    /// <inheritdoc/>
    public void Predict(IDeviceDataset data, KernelModel model, Span<int> labels)
    {
        IlgpuDataset dataset = Own(data);
        MixtureView view = Resident(model);
        for (long start = 0; start < dataset.Rows; start += BatchPoints)
        {
            int count = (int)Math.Min(BatchPoints, dataset.Rows - start);
            ArrayView1D<int, Stride1D.Dense> output = intResults.View(count);
            kernels.Predict(
                stream, count, new PointBatchParams<int>(dataset.View, start, view, output));
            output.CopyToCPU(stream, labels.Slice((int)start, count));
        }
    }

    /// <inheritdoc/>
    public void PredictProba(
        IDeviceDataset data,
        KernelModel model,
        long start,
        int count,
        Span<double> responsibilities)
    {
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

    private ArrayView<float> ZeroPoint(int dimensions)
    {
        ArrayView1D<float, Stride1D.Dense> view = points.View(dimensions);
        view.MemSetToZero(stream);
        return view;
    }
}
