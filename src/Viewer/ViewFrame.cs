namespace GmmGpu.Viewer;

/// <summary>
/// An immutable picture of a fit to draw: the parameters and the figures of the iterations so
/// far (the last one is the current).
/// </summary>
/// <param name="Parameters">The mixture to draw.</param>
/// <param name="History">Iterations so far, oldest first; may be empty (a loaded model).</param>
public sealed record ViewFrame(MixtureParameters Parameters, IReadOnlyList<IterationRecord> History)
{
    /// <summary>"iteration 12  log-likelihood -2.8123  change 1.2E-04", or "model".</summary>
    public string Title
    {
        get
        {
            if (History.Count == 0)
            {
                return $"model  K {Parameters.Components}  D {Parameters.Dimensions}";
            }

            IterationRecord last = History[^1];
            string change = double.IsFinite(last.Change) ? last.Change.ToString("0.0E+00",
                System.Globalization.CultureInfo.InvariantCulture) : "-";
            var invariant = System.Globalization.CultureInfo.InvariantCulture;
            string logLikelihood = last.LogLikelihood.ToString("F4", invariant);
            string iteration = last.Iteration.ToString(invariant);
            return $"iteration {iteration}  log-likelihood {logLikelihood}  change {change}";
        }
    }
}
