using GmmGpu.Data;
using GmmGpu.Engine;

namespace GmmGpu.UseCases;

/// <summary><c>gmm score</c>: the log-likelihood of each point under a model.</summary>
public static class Scoring
{
    /// <summary>log p(x) of each point, shape (N).</summary>
    /// <inheritdoc cref="Prediction.Labels"/>
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

    /// <summary>Writes log p(x) of each point, shape (N), float64 <c>.npy</c> or CSV.</summary>
    /// <returns>The scores, shape (N).</returns>
    /// <inheritdoc cref="Prediction.Labels"/>
    public static double[] WriteScores(
        GaussianMixtureModel model,
        LoadedData data,
        string outputPath,
        IComputeBackend? backend = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        double[] scores = Scores(model, data.Values, data.Features, backend);
        using TableWriter writer = TableWriter.Create(
            outputPath, scores.Length, ["log_likelihood"], TableElement.Float64, true);
        writer.WriteRows(scores);
        writer.Commit();
        return scores;
    }
}
