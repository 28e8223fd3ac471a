using GmmGpu.Data;
using GmmGpu.Em;
using GmmGpu.Engine;

namespace GmmGpu.UseCases;

/// <summary><c>gmm score</c>: the log-likelihood of each point under a model.</summary>
public static class Scoring
{
    /// <summary>log p(x) of each point, shape (N).</summary>
    /// <param name="model">The mixture.</param>
    /// <param name="data">Shape (N, model.Dimensions), row-major, finite.</param>
    /// <param name="features">The data's D; must equal the model's.</param>
    /// <param name="backend">Where to compute; null uses a CPU backend for this call.</param>
    /// <exception cref="ArgumentException">The data's width differs from the model's.</exception>
    /// <remarks>scikit-learn: GaussianMixture.score_samples</remarks>
    public static double[] Scores(
        GaussianMixtureModel model,
        ReadOnlyMemory<float> data,
        int features,
        IComputeBackend? backend = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        DataValidation.CheckFeatures(features, model.Dimensions);
        return model.ScoreSamples(data, backend);
    }

    /// <summary>
    /// Scores every row of <paramref name="data"/> a batch at a time (memory for one batch,
    /// whatever the file's size), writes log p(x) of each, shape (N), to
    /// <paramref name="outputPath"/> (float64 <c>.npy</c> or CSV) unless it is null, and
    /// returns their summary.
    /// </summary>
    /// <exception cref="DataFormatException">A value of the data is not a finite number.</exception>
    /// <inheritdoc cref="Prediction.WriteLabels"/>
    public static ScoreSummary WriteScores(
        GaussianMixtureModel model,
        IRowSource data,
        string? outputPath,
        IComputeBackend? backend = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(data);
        double sum = 0, min = double.PositiveInfinity, max = double.NegativeInfinity;
        PerPointPass.Run<double>(
            model,
            data,
            1,
            outputPath is null
                ? null
                : () => TableWriter.Create(
                    outputPath, data.Rows, ["log_likelihood"], TableElement.Float64, true),
            backend,
            (target, batch, kernelModel, scores) => target.ScoreSamples(batch, kernelModel, scores),
            (exact, rows, scores) => exact.FinishScores(rows, scores),
            scores =>
            {
                foreach (double score in scores)
                {
                    sum += score;
                    min = Math.Min(min, score);
                    max = Math.Max(max, score);
                }
            },
            cancellationToken);
        return new ScoreSummary(data.Rows, sum / data.Rows, min, max);
    }
}

/// <summary>The log-likelihoods of N points, in short.</summary>
/// <param name="Rows">N, the points scored.</param>
/// <param name="Mean">Mean log p(x) (scikit-learn: GaussianMixture.score).</param>
/// <param name="Min">Lowest log p(x).</param>
/// <param name="Max">Highest log p(x).</param>
public sealed record ScoreSummary(long Rows, double Mean, double Min, double Max);
