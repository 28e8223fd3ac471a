using System.Globalization;
using GmmGpu.Backends;
using GmmGpu.Data;
using GmmGpu.Em;
using GmmGpu.Engine;

namespace GmmGpu.UseCases;

/// <summary>
/// <c>gmm predict</c>: each point's component or responsibilities, written to a file. The
/// responsibilities stream in batches, so no (N, K) array is ever held in memory.
/// </summary>
public static class Prediction
{
    /// <summary>Rows per batch of <see cref="WriteProbabilities"/>.</summary>
    public const int BatchRows = 65536;

    /// <summary>Most likely component of each point, shape (N), values in [0, K).</summary>
    /// <param name="model">The mixture.</param>
    /// <param name="data">Shape (N, model.Dimensions), row-major, finite.</param>
    /// <param name="features">The data's D; must equal the model's.</param>
    /// <param name="backend">Where to compute; null uses a CPU backend for this call.</param>
    /// <exception cref="ArgumentException">The data's width differs from the model's.</exception>
    /// <remarks>scikit-learn: GaussianMixture.predict</remarks>
    public static int[] Labels(
        GaussianMixtureModel model,
        ReadOnlyMemory<float> data,
        int features,
        IComputeBackend? backend = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        DataValidation.CheckFeatures(features, model.Dimensions);
        return model.Predict(data, backend);
    }

    /// <summary>Writes the labels, shape (N), as int32 <c>.npy</c> or a CSV column "label".
    /// </summary>
    /// <returns>Points per component, shape (K).</returns>
    /// <inheritdoc cref="Labels"/>
    public static long[] WriteLabels(
        GaussianMixtureModel model,
        LoadedData data,
        string outputPath,
        IComputeBackend? backend = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        int[] labels = Labels(model, data.Values, data.Features, backend);
        using (TableWriter writer =
            TableWriter.Create(outputPath, labels.Length, ["label"], TableElement.Int32, true))
        {
            writer.WriteRows(labels);
            writer.Commit();
        }

        return CountPerComponent(labels, model.Components);
    }

    /// <summary>Points per component of <paramref name="labels"/>, shape (K).</summary>
    public static long[] CountPerComponent(ReadOnlySpan<int> labels, int components)
    {
        var counts = new long[components];
        foreach (int label in labels)
        {
            counts[label]++;
        }

        return counts;
    }

    /// <summary>
    /// Writes the responsibilities, shape (N, K), float64 <c>.npy</c> or CSV columns p0..pK-1,
    /// computed and written <see cref="BatchRows"/> rows at a time.
    /// </summary>
    /// <inheritdoc cref="Labels"/>
    /// <remarks>scikit-learn: GaussianMixture.predict_proba</remarks>
    public static void WriteProbabilities(
        GaussianMixtureModel model,
        LoadedData data,
        string outputPath,
        IComputeBackend? backend = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(data);
        long rows = DataValidation.ValidateFor(data.Values.Span, data.Features, model.Dimensions);
        int k = model.Components;
        string[] names = Enumerable.Range(0, k)
            .Select(c => "p" + c.ToString(CultureInfo.InvariantCulture)).ToArray();
        IComputeBackend target = backend ?? ComputeBackends.Create(ComputeDevice.Cpu);
        try
        {
            using IDeviceDataset device = target.Upload(data.Values, rows, data.Features);
            KernelModel kernelModel = MixtureKernelModel.Build(model.Parameters);
            using TableWriter writer =
                TableWriter.Create(outputPath, rows, names, TableElement.Float64);
            var batch = new double[(int)Math.Min(rows, BatchRows) * k];
            for (long start = 0; start < rows; start += BatchRows)
            {
                cancellationToken.ThrowIfCancellationRequested();
                int count = (int)Math.Min(BatchRows, rows - start);
                Span<double> span = batch.AsSpan(0, count * k);
                target.PredictProba(device, kernelModel, start, count, span);
                writer.WriteRows(span);
            }

            writer.Commit();
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
