namespace GmmGpu.UseCases;

/// <summary>One fitted component matched to a true one.</summary>
/// <param name="True">Index of the true component.</param>
/// <param name="Fitted">Index of the fitted component, or −1 when none is left.</param>
/// <param name="MeanDistance">Euclidean distance between the two means.</param>
/// <param name="WeightDifference">Fitted weight − true weight.</param>
public sealed record ComponentMatch(
    int True, int Fitted, double MeanDistance, double WeightDifference);

/// <summary>Pairs the components of two mixtures, e.g. a fit and the truth it came from.</summary>
public static class ComponentMatching
{
    /// <summary>
    /// Greedy assignment on mean distance: repeatedly pairs the closest unpaired true and
    /// fitted components. Returns one match per true component, ordered by true index.
    /// </summary>
    /// <exception cref="ArgumentException">The mixtures have different D.</exception>
    public static IReadOnlyList<ComponentMatch> Match(
        GaussianMixtureModel truth, GaussianMixtureModel fitted)
    {
        ArgumentNullException.ThrowIfNull(truth);
        ArgumentNullException.ThrowIfNull(fitted);
        if (truth.Dimensions != fitted.Dimensions)
        {
            throw new ArgumentException(
                $"The true model has D={truth.Dimensions}, the fitted one {fitted.Dimensions}.",
                nameof(fitted));
        }

        int d = truth.Dimensions;
        var pairs = new List<(double Distance, int True, int Fitted)>();
        for (int t = 0; t < truth.Components; t++)
        {
            for (int f = 0; f < fitted.Components; f++)
            {
                double sum = 0;
                for (int j = 0; j < d; j++)
                {
                    double delta = truth.Means[(t * d) + j] - fitted.Means[(f * d) + j];
                    sum += delta * delta;
                }

                pairs.Add((Math.Sqrt(sum), t, f));
            }
        }

        pairs.Sort();
        var matches = new ComponentMatch?[truth.Components];
        var used = new bool[fitted.Components];
        foreach ((double distance, int t, int f) in pairs)
        {
            if (matches[t] is null && !used[f])
            {
                used[f] = true;
                matches[t] = new ComponentMatch(
                    t, f, distance, fitted.Weights[f] - truth.Weights[t]);
            }
        }

        return matches
            .Select((m, t) => m ?? new ComponentMatch(t, -1, double.NaN, -truth.Weights[t]))
            .ToArray();
    }
}
