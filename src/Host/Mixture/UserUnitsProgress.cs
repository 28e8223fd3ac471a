using GmmGpu.Numerics;

namespace GmmGpu;

/// <summary>
/// Passes EM's snapshots on in the user's units: the parameters mapped back through the
/// scaling, the log-likelihood, AIC and BIC moved by its log-Jacobian (their changes stay).
/// </summary>
internal sealed class UserUnitsProgress(IProgress<IterationSnapshot> target, FeatureScaling scaling)
    : IProgress<IterationSnapshot>
{
    public void Report(IterationSnapshot value) => target.Report(value with
    {
        Record = ToUser(value.Record, scaling, value.Samples),
        Parameters = scaling.ToUser(value.Parameters),
    });

    /// <summary>One iteration's figures over <paramref name="samples"/> points, in user units.
    /// </summary>
    public static IterationRecord ToUser(
        IterationRecord record, FeatureScaling scaling, long samples)
    {
        if (scaling.IsIdentity)
        {
            return record;
        }

        // log p(x) = log p(u) − J for every point: −2·Σ log p moves by 2·N·J.
        double jacobian = scaling.LogJacobian;
        return record with
        {
            LogLikelihood = record.LogLikelihood - jacobian,
            Aic = record.Aic + (2 * samples * jacobian),
            Bic = record.Bic + (2 * samples * jacobian),
        };
    }
}
