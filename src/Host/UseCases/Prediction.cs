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
    /// <summary>Rows per batch of the writers.</summary>
    public const int BatchRows = RowBatches.Rows;

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
        using MemoryRowSource rows = data.AsRowSource();
        return WriteLabels(model, rows, outputPath, backend);
    }

    /// <summary>
    /// Labels every row of <paramref name="data"/> a batch at a time (memory for one batch,
    /// whatever the file's size) and writes them to <paramref name="outputPath"/>, or only
    /// counts them when it is null.
    /// </summary>
    /// <returns>Points per component, shape (K).</returns>
    /// <exception cref="DataFormatException">A value of the data is not a finite number.</exception>
    /// <inheritdoc cref="Labels"/>
    public static long[] WriteLabels(
        GaussianMixtureModel model,
        IRowSource data,
        string? outputPath,
        IComputeBackend? backend = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(data);
        DataValidation.CheckFeatures(data.Columns, model.Dimensions);
        var counts = new long[model.Components];
        KernelModel kernelModel = MixtureKernelModel.Build(model.Parameters);
        var labels = new int[(int)Math.Min(data.Rows, RowBatches.Rows)];
        using TableWriter? writer = outputPath is null
            ? null
            : TableWriter.Create(outputPath, data.Rows, ["label"], TableElement.Int32, true);
        OnBackend(backend, target => RowBatches.ForEach(data, target, (batch, _, count) =>
        {
            Span<int> span = labels.AsSpan(0, count);
            target.Predict(batch, kernelModel, span);
            writer?.WriteRows<int>(span);
            foreach (int label in span)
            {
                counts[label]++;
            }
        }, cancellationToken));
        writer?.Commit();
        return counts;
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
        ArgumentNullException.ThrowIfNull(data);
        using MemoryRowSource rows = data.AsRowSource();
        WriteProbabilities(model, rows, outputPath, backend, cancellationToken);
    }

    /// <summary>
    /// Writes the responsibilities of every row of <paramref name="data"/>, shape (N, K),
    /// float64 <c>.npy</c> or CSV columns p0..pK-1, a batch at a time.
    /// </summary>
    /// <exception cref="DataFormatException">A value of the data is not a finite number.</exception>
    /// <inheritdoc cref="Labels"/>
    /// <remarks>scikit-learn: GaussianMixture.predict_proba</remarks>
    public static void WriteProbabilities(
        GaussianMixtureModel model,
        IRowSource data,
        string outputPath,
        IComputeBackend? backend = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(data);
        DataValidation.CheckFeatures(data.Columns, model.Dimensions);
        int k = model.Components;
        string[] names = Enumerable.Range(0, k)
            .Select(c => "p" + c.ToString(CultureInfo.InvariantCulture)).ToArray();
        KernelModel kernelModel = MixtureKernelModel.Build(model.Parameters);
        using TableWriter writer =
            TableWriter.Create(outputPath, data.Rows, names, TableElement.Float64);
        var responsibilities = new double[(int)Math.Min(data.Rows, BatchRows) * k];
        OnBackend(backend, target => RowBatches.ForEach(data, target, (batch, _, count) =>
        {
            Span<double> span = responsibilities.AsSpan(0, count * k);
            target.PredictProba(batch, kernelModel, 0, count, span);
            writer.WriteRows<double>(span);
        }, cancellationToken));
        writer.Commit();
    }

    /// <summary>Runs <paramref name="work"/> on the backend, or on a CPU backend made for it.</summary>
    internal static void OnBackend(IComputeBackend? backend, Action<IComputeBackend> work)
    {
        if (backend is not null)
        {
            work(backend);
            return;
        }

        using IComputeBackend cpu = ComputeBackends.Create(ComputeDevice.Cpu);
        work(cpu);
    }
}
