using System.Numerics;
using GmmGpu.Data;
using GmmGpu.Distributed;
using GmmGpu.Numerics;

namespace GmmGpu.Passes;

/// <summary>
/// Per-feature bounds and variance of the data in float64, from one pass: over the values as
/// the file holds them (before any rounding to float32), what the internal scaling and the
/// reg_covar warning are chosen from; over the float32 rows of a fit
/// (<see cref="DataPasses.Moments"/>), the bounds and spread that initialisation starts from.
/// </summary>
internal sealed class FeatureSummary
{
    private readonly double[] shift;
    private readonly double[] sum;
    private readonly double[] sumSquares;
    private bool shifted;

    /// <summary>An empty summary of D features, to which rows are added.</summary>
    internal FeatureSummary(int d)
    {
        shift = new double[d];
        sum = new double[d];
        sumSquares = new double[d];
        Minimum = new double[d];
        Maximum = new double[d];
        Array.Fill(Minimum, double.PositiveInfinity);
        Array.Fill(Maximum, double.NegativeInfinity);
    }

    /// <summary>Smallest value of each feature, shape (D).</summary>
    public double[] Minimum { get; }

    /// <summary>Largest value of each feature, shape (D).</summary>
    public double[] Maximum { get; }

    /// <summary>Population variance of each feature, shape (D).</summary>
    public double[] Variance { get; private set; } = [];

    /// <summary>Rows summarised, N.</summary>
    public long Count { get; private set; }

    /// <summary>The internal scaling these bounds call for.</summary>
    public FeatureScaling Scaling => FeatureScaling.FromBounds(Minimum, Maximum);

    /// <summary>
    /// The summary of every process's rows: one pass over this process's
    /// <paramref name="source"/> and three all-reduces (collective: every rank calls it).
    /// </summary>
    /// <param name="source">This process's rows.</param>
    /// <param name="communicator">Every process of the fit.</param>
    /// <param name="chunkRows">Rows the passes may read at a time, or null for a batch.</param>
    /// <param name="cancellationToken">Stops between batches.</param>
    /// <exception cref="DataFormatException">A value is not finite.</exception>
    public static FeatureSummary Compute(
        IRowSource source,
        ICommunicator communicator,
        int? chunkRows,
        CancellationToken cancellationToken)
    {
        int d = source.Columns, batch = Math.Min(RowBatches.RowsFor(d), chunkRows ?? int.MaxValue);
        var summary = new FeatureSummary(d);
        Agreement.Run(communicator, () =>
        {
            var values = new double[(long)Math.Min(batch, Math.Max(source.Rows, 1)) * d];
            float[]? scratch = null;
            for (long start = 0; start < source.Rows; start += batch)
            {
                cancellationToken.ThrowIfCancellationRequested();
                int count = (int)Math.Min(batch, source.Rows - start);
                Span<double> rows = values.AsSpan(0, count * d);
                RawRows.Read(source, start, count, rows, ref scratch);
                summary.Add(rows);
            }
        });
        summary.Combine(communicator);
        return summary;
    }

    /// <summary>The summary of row-major data in memory, shape (N, D).</summary>
    public static FeatureSummary Compute(ReadOnlySpan<double> data, int d)
    {
        var summary = new FeatureSummary(d);
        summary.Add(data);
        summary.Combine(SingleProcessCommunicator.Instance);
        return summary;
    }

    /// <summary>
    /// The features whose variance <paramref name="regCovar"/> exceeds 1% of (it then dominates
    /// their covariances, as it would in scikit-learn), as one warning line; null when none.
    /// </summary>
    public string? RegCovarWarning(double regCovar)
    {
        var swamped = new List<int>();
        for (int j = 0; j < Variance.Length; j++)
        {
            if (regCovar > 0.01 * Variance[j])
            {
                swamped.Add(j);
            }
        }

        if (swamped.Count == 0)
        {
            return null;
        }

        int first = swamped[0];
        string features = swamped.Count == 1
            ? $"feature {first}"
            : $"{swamped.Count} features (e.g. feature {first})";
        return $"reg_covar {Text(regCovar)} exceeds 1% of the variance of {features} "
            + $"({Text(Variance[first])}): it dominates the covariances; lower reg_covar "
            + "(--reg-covar) or rescale the data.";
    }

    private static string Text(double value) =>
        value.ToString("g3", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Adds rows, shape (n, D), row-major, about this process's first row.</summary>
    internal void Add<T>(ReadOnlySpan<T> rows)
        where T : INumberBase<T>
    {
        int d = shift.Length;
        if (!shifted && rows.Length >= d)
        {
            for (int j = 0; j < d; j++)
            {
                shift[j] = double.CreateTruncating(rows[j]);
            }

            shifted = true;
        }

        for (int i = 0; i < rows.Length; i += d)
        {
            for (int j = 0; j < d; j++)
            {
                double x = double.CreateTruncating(rows[i + j]), centred = x - shift[j];
                Minimum[j] = Math.Min(Minimum[j], x);
                Maximum[j] = Math.Max(Maximum[j], x);
                sum[j] += centred;
                sumSquares[j] += centred * centred;
            }
        }

        Count += rows.Length / d;
    }

    /// <summary>
    /// Every process's bounds and variance: each process summed about its own first row, so
    /// the variances combine through the means (Chan et al.'s pairwise formula). Collective:
    /// every rank calls it once, after its last <see cref="Add{T}"/>.
    /// </summary>
    internal void Combine(ICommunicator communicator)
    {
        int d = shift.Length;
        communicator.AllReduceMin(Minimum);
        communicator.AllReduceMax(Maximum);
        var mean = new double[d];
        var scatter = new double[d];
        for (int j = 0; j < d && Count > 0; j++)
        {
            double offset = sum[j] / Count;
            mean[j] = shift[j] + offset;
            scatter[j] = Math.Max(sumSquares[j] - (Count * offset * offset), 0);
        }

        // Σ n_r·mean_r and N, then Σ (scatter_r + n_r·(mean_r − mean)²).
        double[] weighted = [.. mean.Select(m => m * Count), Count];
        communicator.AllReduceSum(weighted);
        long total = (long)weighted[d];
        double[] spread = new double[d];
        for (int j = 0; j < d && Count > 0; j++)
        {
            double delta = mean[j] - (weighted[j] / total);
            spread[j] = scatter[j] + (Count * delta * delta);
        }

        communicator.AllReduceSum(spread);
        Count = total;
        Variance = spread.Select(s => total > 0 ? s / total : 0).ToArray();
    }
}
