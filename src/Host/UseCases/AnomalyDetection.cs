using GmmGpu.Data;
using GmmGpu.Engine;

namespace GmmGpu.UseCases;

/// <summary>The anomalies found: the points whose log-likelihood is at most a threshold.</summary>
/// <param name="Threshold">log p(x) at or below which a point is an anomaly.</param>
/// <param name="Rows">0-based row numbers of the anomalies, lowest log-likelihood first.</param>
/// <param name="Scores">log p(x) of each anomaly, same order as <paramref name="Rows"/>.</param>
/// <param name="Samples">Number of points N searched.</param>
public sealed record AnomalyReport(
    double Threshold, IReadOnlyList<long> Rows, IReadOnlyList<double> Scores, long Samples);

/// <summary><c>gmm anomalies</c>: the lowest-likelihood points of data under a model.</summary>
public static class AnomalyDetection
{
    /// <summary>
    /// Finds the anomalies: with <paramref name="contamination"/> the ⌈c·N⌉ points of lowest
    /// log p(x) (the threshold is the highest of their scores); with
    /// <paramref name="threshold"/> every point whose log p(x) ≤ it. Give exactly one.
    /// </summary>
    /// <param name="model">The mixture.</param>
    /// <param name="data">Shape (N, D), row-major, finite, D = the model's.</param>
    /// <param name="features">The data's D.</param>
    /// <param name="contamination">Fraction of anomalies in (0, 0.5].</param>
    /// <param name="threshold">A log-likelihood.</param>
    /// <param name="backend">Where to compute; null uses a CPU backend for this call.</param>
    /// <exception cref="ArgumentException">Neither or both criteria, or a bad fraction.</exception>
    /// <remarks>scikit-learn: the contamination rule of the outlier detectors</remarks>
    public static AnomalyReport Detect(
        GaussianMixtureModel model,
        ReadOnlyMemory<float> data,
        int features,
        double? contamination,
        double? threshold,
        IComputeBackend? backend = null)
    {
        CheckCriteria(contamination, threshold);
        return Rank(Scoring.Scores(model, data, features, backend), contamination, threshold);
    }

    /// <summary>
    /// Finds the anomalies of rows read a batch at a time, in float64 and about the model's
    /// centre before they become float32 (so data far from the origin keeps its digits).
    /// </summary>
    /// <param name="model">The mixture.</param>
    /// <param name="data">The rows; D = the model's.</param>
    /// <param name="contamination">Fraction of anomalies in (0, 0.5].</param>
    /// <param name="threshold">A log-likelihood.</param>
    /// <param name="backend">Where to compute; null uses a CPU backend for this call.</param>
    /// <param name="cancellationToken">Stops between batches.</param>
    /// <exception cref="ArgumentException">Neither or both criteria, or a bad fraction.</exception>
    /// <exception cref="DataFormatException">A value of the data is not a finite number.</exception>
    public static AnomalyReport Detect(
        GaussianMixtureModel model,
        IRowSource data,
        double? contamination,
        double? threshold,
        IComputeBackend? backend = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(data);
        CheckCriteria(contamination, threshold);
        var scores = new double[data.Rows];
        long done = 0;
        PerPointPass.Run<double>(
            model,
            data,
            1,
            null,
            backend,
            (target, batch, kernelModel, batchScores) =>
                target.ScoreSamples(batch, kernelModel, batchScores),
            (exact, rows, batchScores) => exact.FinishScores(rows, batchScores),
            batchScores =>
            {
                batchScores.CopyTo(scores.AsSpan((int)done));
                done += batchScores.Length;
            },
            cancellationToken);
        return Rank(scores, contamination, threshold);
    }

    private static void CheckCriteria(double? contamination, double? threshold)
    {
        if (contamination.HasValue == threshold.HasValue)
        {
            throw new ArgumentException(
                "Give exactly one of contamination or threshold.", nameof(contamination));
        }

        if (contamination is { } c && !(c > 0 && c <= 0.5))
        {
            throw new ArgumentOutOfRangeException(
                nameof(contamination), c, "The contamination must be in (0, 0.5].");
        }
    }

    private static AnomalyReport Rank(double[] scores, double? contamination, double? threshold)
    {
        var order = new long[scores.Length];
        for (long i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        var keys = (double[])scores.Clone();
        Array.Sort(keys, order);
        long count;
        double limit;
        if (contamination is { } fraction)
        {
            count = Math.Max(1, (long)Math.Ceiling(fraction * scores.Length));
            limit = keys[count - 1];
        }
        else
        {
            limit = threshold!.Value;
            count = 0;
            while (count < keys.Length && keys[count] <= limit)
            {
                count++;
            }
        }

        return new AnomalyReport(limit, order[..(int)count], keys[..(int)count], scores.Length);
    }

    /// <summary>
    /// Writes the anomalies as CSV (columns row, log_likelihood, then the point's features) or
    /// <c>.npy</c> (float64, shape (count, 2 + D)), atomically; the features are read back from
    /// <paramref name="data"/> in float64, as the file holds them.
    /// </summary>
    /// <param name="report">The anomalies of <paramref name="data"/>.</param>
    /// <param name="data">The rows the report was made from.</param>
    /// <param name="outputPath">A <c>.npy</c> or CSV file.</param>
    public static void Write(AnomalyReport report, IRowSource data, string outputPath)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(data);
        int d = data.Columns, count = report.Rows.Count;

        // Read in row order (a text file reads forwards), written in the report's order.
        int[] byRow = [.. Enumerable.Range(0, count).OrderBy(i => report.Rows[i])];
        var features = new double[(long)count * d];
        float[]? scratch = null;
        foreach (int i in byRow)
        {
            RawRows.Read(data, report.Rows[i], 1, features.AsSpan(i * d, d), ref scratch);
        }

        string[] names = ["row", "log_likelihood", .. data.ColumnNames];
        using TableWriter writer =
            TableWriter.Create(outputPath, count, names, TableElement.Float64);
        var line = new double[2 + d];
        for (int i = 0; i < count; i++)
        {
            line[0] = report.Rows[i];
            line[1] = report.Scores[i];
            features.AsSpan(i * d, d).CopyTo(line.AsSpan(2));
            writer.WriteRows(line);
        }

        writer.Commit();
    }
}
