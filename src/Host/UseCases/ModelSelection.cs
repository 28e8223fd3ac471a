using GmmGpu.Data;
using GmmGpu.Engine;

namespace GmmGpu.UseCases;

/// <summary>The criterion that ranks candidate models (lower is better).</summary>
public enum InformationCriterion
{
    /// <summary>Bayesian information criterion: −2·log L + p·ln N.</summary>
    Bic,

    /// <summary>Akaike information criterion: −2·log L + 2p.</summary>
    Aic,
}

/// <summary>One candidate of a model selection.</summary>
/// <param name="Components">K.</param>
/// <param name="CovarianceType">The covariance form.</param>
/// <param name="Bic">BIC on the data (lower is better).</param>
/// <param name="Aic">AIC on the data (lower is better).</param>
/// <param name="Score">Mean log-likelihood per point.</param>
/// <param name="Iterations">EM iterations of the fit.</param>
/// <param name="Converged">Whether the fit converged.</param>
/// <param name="Failure">Why the candidate has no model (its fit failed, or K &gt; N), or null;
/// such a candidate's BIC, AIC and score are NaN.</param>
public sealed record SelectionCandidate(
    int Components,
    CovarianceType CovarianceType,
    double Bic,
    double Aic,
    double Score,
    int Iterations,
    bool Converged,
    string? Failure = null)
{
    /// <summary>A candidate without a model: <paramref name="failure"/> says why.</summary>
    public static SelectionCandidate Failed(int k, CovarianceType type, string failure) =>
        new(k, type, double.NaN, double.NaN, double.NaN, 0, false, failure);
}

/// <summary>Every candidate, and the best one with its model.</summary>
public sealed record SelectionResult(
    IReadOnlyList<SelectionCandidate> Candidates,
    SelectionCandidate Best,
    GaussianMixtureModel BestModel);

/// <summary><c>gmm select</c>: fits every (K, covariance type); keeps the best by BIC or AIC.
/// </summary>
public static class ModelSelection
{
    /// <summary>
    /// Fits one mixture per pair of <paramref name="components"/> and
    /// <paramref name="covarianceTypes"/> with the other settings of <paramref name="options"/>,
    /// and ranks them by <paramref name="criterion"/>. K larger than N is skipped and a fit that
    /// fails (a singular covariance) is kept as a candidate with its
    /// <see cref="SelectionCandidate.Failure"/>; the sweep goes on. The rows are read as the
    /// file holds them: float64 data far from the origin is shifted before it becomes float32,
    /// as <see cref="GaussianMixture.Fit(IRowSource, IProgress{IterationSnapshot}?,
    /// CancellationToken)"/> does.
    /// </summary>
    /// <param name="data">The rows (a <see cref="MemoryRowSource"/> for data in memory).</param>
    /// <param name="components">Every K to try, each ≥ 1.</param>
    /// <param name="covarianceTypes">Every covariance form to try.</param>
    /// <param name="criterion">BIC or AIC.</param>
    /// <param name="options">The settings of every fit but K and the covariance type.</param>
    /// <param name="backend">Where to fit (owned by the caller).</param>
    /// <param name="progress">Receives every fit's iterations.</param>
    /// <param name="candidate">Called after each fit (on this thread).</param>
    /// <param name="cancellationToken">Stops the sweep between passes.</param>
    /// <exception cref="ArgumentException">Every K &gt; N.</exception>
    /// <exception cref="DegenerateComponentException">Every candidate's fit failed (the first
    /// failure).</exception>
    /// <exception cref="DataFormatException">A value of a file is not a finite number.</exception>
    /// <remarks>scikit-learn: the "Gaussian Mixture Model Selection" example</remarks>
    public static SelectionResult Select(
        IRowSource data,
        IReadOnlyList<int> components,
        IReadOnlyList<CovarianceType> covarianceTypes,
        InformationCriterion criterion,
        GaussianMixtureOptions options,
        IComputeBackend backend,
        IProgress<IterationSnapshot>? progress = null,
        Action<SelectionCandidate>? candidate = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(components);
        ArgumentNullException.ThrowIfNull(covarianceTypes);
        ArgumentNullException.ThrowIfNull(options);
        long rows = data.Rows;
        var candidates = new List<SelectionCandidate>();
        SelectionCandidate? best = null;
        GaussianMixtureModel? bestModel = null;
        DegenerateComponentException? firstFailure = null;
        void Report(SelectionCandidate row)
        {
            candidates.Add(row);
            candidate?.Invoke(row);
        }

        foreach (CovarianceType type in covarianceTypes)
        {
            foreach (int k in components)
            {
                if (k > rows)
                {
                    Report(SelectionCandidate.Failed(
                        k, type, $"skipped: K={k} is more than the {rows} points"));
                    continue;
                }

                GaussianMixtureModel model;
                double score;
                try
                {
                    using var mixture = new GaussianMixture(
                        options with { Components = k, CovarianceType = type }, backend);
                    (model, _, score, _) =
                        mixture.FitAndScore(data, progress, cancellationToken);
                }
                catch (DegenerateComponentException error)
                {
                    firstFailure ??= error;
                    Report(SelectionCandidate.Failed(k, type, $"failed: {error.Message}"));
                    continue;
                }

                int p = model.Parameters.ParameterCount;
                var row = new SelectionCandidate(
                    k, type, (-2 * score * rows) + (p * Math.Log(rows)),
                    (-2 * score * rows) + (2.0 * p), score, model.Iterations, model.Converged);
                Report(row);
                if (best is null || Value(row, criterion) < Value(best, criterion))
                {
                    best = row;
                    bestModel = model;
                }
            }
        }

        if (best is null && firstFailure is not null)
        {
            throw firstFailure;
        }

        return best is null || bestModel is null
            ? throw new ArgumentException(
                $"Every K asked for is larger than the {rows} points.", nameof(components))
            : new SelectionResult(candidates, best, bestModel);
    }

    /// <summary>The candidate's value of <paramref name="criterion"/>.</summary>
    public static double Value(SelectionCandidate candidate, InformationCriterion criterion)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        return criterion == InformationCriterion.Bic ? candidate.Bic : candidate.Aic;
    }
}
