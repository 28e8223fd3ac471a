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

        double[] scores = Scoring.Scores(model, data, features, backend);
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
    /// <c>.npy</c> (float64, shape (count, 2 + D)), atomically.
    /// </summary>
    public static void Write(AnomalyReport report, LoadedData data, string outputPath)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(data);
        string[] names = ["row", "log_likelihood", .. data.ColumnNames];
        using TableWriter writer =
            TableWriter.Create(outputPath, report.Rows.Count, names, TableElement.Float64);
        int d = data.Features;
        var line = new double[2 + d];
        ReadOnlySpan<float> values = data.Values.Span;
        for (int i = 0; i < report.Rows.Count; i++)
        {
            long row = report.Rows[i];
            line[0] = row;
            line[1] = report.Scores[i];
            for (int j = 0; j < d; j++)
            {
                line[2 + j] = values[(int)(row * d) + j];
            }

            writer.WriteRows(line);
        }

        writer.Commit();
    }
}
