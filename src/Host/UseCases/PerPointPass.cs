using System.Numerics;
using GmmGpu.Backends;
using GmmGpu.Data;
using GmmGpu.Em;
using GmmGpu.Engine;
using GmmGpu.Numerics;

namespace GmmGpu.UseCases;

/// <summary>Computes a batch's per-point results on the backend, shape (rows, values a row).</summary>
internal delegate void BatchCompute<T>(
    IComputeBackend backend, IDeviceDataset batch, KernelModel model, Span<T> results);

/// <summary>
/// Finishes a batch's results in float64 (<see cref="ExactDensity"/>): far points recomputed,
/// scores moved to the user's units. The rows are the batch in internal units.
/// </summary>
internal delegate void BatchFinish<T>(
    ExactDensity exact, ReadOnlySpan<float> rows, Span<T> results);

/// <summary>Sees a batch's results after they are written.</summary>
internal delegate void BatchObserver<T>(ReadOnlySpan<T> results);

/// <summary>
/// A model's per-point results over a row source (labels, responsibilities, log p(x)), a batch
/// at a time: each batch is uploaded, computed on, written to the table when there is one, and
/// shown to the caller, so neither the data nor the results are ever held whole.
/// </summary>
internal static class PerPointPass
{
    /// <param name="model">The mixture; its dimension must be the data's.</param>
    /// <param name="data">The rows.</param>
    /// <param name="valuesPerRow">Results a row: 1, or K for responsibilities.</param>
    /// <param name="createWriter">Opens the output table (after the checks), or null for none.</param>
    /// <param name="backend">Where to compute; null uses a CPU backend for this call.</param>
    /// <param name="compute">The backend pass that fills a batch's results.</param>
    /// <param name="finish">Completes them on the host.</param>
    /// <param name="observe">Sees each batch's results (counts, sums), or null.</param>
    /// <param name="cancellationToken">Stops between batches.</param>
    public static void Run<T>(
        GaussianMixtureModel model,
        IRowSource data,
        int valuesPerRow,
        Func<TableWriter>? createWriter,
        IComputeBackend? backend,
        BatchCompute<T> compute,
        BatchFinish<T> finish,
        BatchObserver<T>? observe,
        CancellationToken cancellationToken)
        where T : INumberBase<T>
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(data);
        DataValidation.CheckFeatures(data.Columns, model.Dimensions);
        // The data is read in float64 and moved about the model's centre before it becomes
        // float32, so a model far from the origin (or at a large scale) keeps its digits.
        FeatureScaling scaling = FeatureScaling.ForModel(model.Parameters);
        MixtureParameters parameters = scaling.ToInternal(model.Parameters);
        KernelModel kernelModel = MixtureKernelModel.Build(parameters);
        var exact = new ExactDensity(parameters, scaling.LogJacobian);
        using var scaled = new ScaledRowSource(data, scaling);
        int batchRows = RowBatches.RowsFor(data.Columns);
        var results = new T[(int)Math.Min(data.Rows, batchRows) * valuesPerRow];
        using TableWriter? writer = createWriter?.Invoke();
        IComputeBackend target = backend ?? ComputeBackends.Create(ComputeDevice.Cpu);
        try
        {
            RowBatches.ForEach(scaled, (rows, _, count) =>
            {
                using IDeviceDataset batch = target.Upload(rows, count, data.Columns);
                Span<T> span = results.AsSpan(0, count * valuesPerRow);
                compute(target, batch, kernelModel, span);
                finish(exact, rows.Span, span);
                writer?.WriteRows<T>(span);
                observe?.Invoke(span);
            }, cancellationToken);
            writer?.Commit();
        }
        finally
        {
            if (backend is null)
            {
                target.Dispose();
            }
        }
    }
}
