using System.Globalization;
using GmmGpu.Backends;
using GmmGpu.Data;
using GmmGpu.Em;
using GmmGpu.Engine;

namespace GmmGpu.UseCases;

/// <summary>
/// <c>gmm predict</c>: each point's component or responsibilities, written to a file. The
/// row-source overloads read, compute and write a batch at a time, so neither the data nor an
/// (N, K) array is ever held in memory whole.
/// </summary>
public static class Prediction
{
    /// <summary>Rows per batch of the writers, at most (fewer for wide rows).</summary>
    public const int BatchRows = RowBatches.Rows;

    /// <summary>
    /// Labels every row of <paramref name="data"/> a batch at a time (memory for one batch,
    /// whatever the file's size) and writes them to <paramref name="outputPath"/>, or only
    /// counts them when it is null.
    /// </summary>
    /// <returns>Points per component, shape (K).</returns>
    /// <exception cref="DataFormatException">A value of the data is not a finite number.</exception>
    /// <param name="outputPath">int32 <c>.npy</c> or a CSV column "label"; null counts only.
    /// </param>
    /// <param name="model">The mixture.</param>
    /// <param name="data">Rows of width model.Dimensions.</param>
    /// <param name="backend">Where to compute; null uses a CPU backend for this call.</param>
    /// <param name="cancellationToken">Stops between batches.</param>
    /// <exception cref="ArgumentException">The data's width differs from the model's.</exception>
    /// <remarks>scikit-learn: GaussianMixture.predict</remarks>
    public static long[] WriteLabels(
        GaussianMixtureModel model,
        IRowSource data,
        string? outputPath,
        IComputeBackend? backend = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        var counts = new long[model.Components];
        PerPointPass.Run<int>(
            model,
            data,
            1,
            outputPath is null
                ? null
                : () => TableWriter.Create(
                    outputPath, data.Rows, ["label"], TableElement.Int32, true),
            backend,
            (target, batch, kernelModel, labels) => target.Predict(batch, kernelModel, labels),
            (exact, rows, labels) => exact.FinishLabels(rows, labels),
            labels => AddCounts(labels, counts),
            cancellationToken);
        return counts;
    }

    private static void AddCounts(ReadOnlySpan<int> labels, long[] counts)
    {
        foreach (int label in labels)
        {
            counts[label]++;
        }
    }

    /// <summary>
    /// Writes the responsibilities of every row of <paramref name="data"/>, shape (N, K),
    /// float64 <c>.npy</c> or CSV columns p0..pK-1, a batch at a time.
    /// </summary>
    /// <exception cref="DataFormatException">A value of the data is not a finite number.</exception>
    /// <param name="outputPath">The file to write.</param>
    /// <param name="model">The mixture.</param>
    /// <param name="data">Rows of width model.Dimensions.</param>
    /// <param name="backend">Where to compute; null uses a CPU backend for this call.</param>
    /// <param name="cancellationToken">Stops between batches.</param>
    /// <exception cref="ArgumentException">The data's width differs from the model's.</exception>
    /// <remarks>scikit-learn: GaussianMixture.predict_proba</remarks>
    public static void WriteProbabilities(
        GaussianMixtureModel model,
        IRowSource data,
        string outputPath,
        IComputeBackend? backend = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        int k = model.Components;
        string[] names = Enumerable.Range(0, k)
            .Select(c => "p" + c.ToString(CultureInfo.InvariantCulture)).ToArray();
        PerPointPass.Run<double>(
            model,
            data,
            k,
            () => TableWriter.Create(outputPath, data.Rows, names, TableElement.Float64),
            backend,
            (target, batch, kernelModel, responsibilities) => target.PredictProba(
                batch, kernelModel, 0, (int)batch.Rows, responsibilities),
            (exact, rows, responsibilities) => exact.FinishResponsibilities(rows, responsibilities),
            null,
            cancellationToken);
    }
}
