using GmmGpu.Covariance;
using GmmGpu.Engine;

namespace GmmGpu.Em;

/// <summary>
/// The M-step, on the host in float64 (K·D² work): weights, means and covariances from the
/// statistics summed about the kernel model's means, as scikit-learn's
/// <c>_estimate_gaussian_parameters</c> (nk gets 10·ε so an empty component stays finite: it
/// keeps its mean, weight ~0 and covariance reg_covar·I).
/// </summary>
internal static class MaximizationStep
{
    public static MixtureParameters Estimate(
        SufficientStatistics statistics,
        KernelModel shift,
        CovarianceType covarianceType,
        double regCovar)
    {
        int k = statistics.Components, d = statistics.Dimensions;
        var nk = new double[k];
        double total = 0;
        for (int c = 0; c < k; c++)
        {
            nk[c] = statistics.Nk[c] + (10 * Epsilon);
            total += nk[c];
        }

        var weights = new double[k];
        var offsets = new double[k * d];
        var means = new double[k * d];
        for (int c = 0; c < k; c++)
        {
            weights[c] = nk[c] / total;
            for (int j = 0; j < d; j++)
            {
                int i = (c * d) + j;
                offsets[i] = statistics.Sk[i] / nk[c];
                means[i] = shift.Means[i] + offsets[i];
            }
        }

        ICovarianceModel covariance = CovarianceModels.For(covarianceType);
        double[] covariances = covariance.EstimateCovariances(statistics, nk, offsets, regCovar);
        var precisionsCholesky = new double[covariances.Length];
        for (int first = 0, attempt = 0; ; attempt++)
        {
            try
            {
                covariance.ComputePrecisionCholesky(
                    covariances, k, d, regCovar, precisionsCholesky, first);
                return MixtureParameters.FromEstimate(
                    covarianceType, k, d, weights, means, covariances, precisionsCholesky);
            }
            catch (DegenerateComponentException e) when (
                attempt < k && e.Component >= first && nk[e.Component] < d + 1
                && covariance.TryResetToDiagonal(covariances, e.Component, d, regCovar))
            {
                // A component holding fewer than D + 1 points has no full-rank covariance; its
                // scatter is float32 rounding noise of the shifted sums, which can be slightly
                // indefinite. It becomes a narrow diagonal component at its mean and EM goes on,
                // from that component: the factors before it stand (O(D³) each at large D).
                first = e.Component;
            }
        }
    }

    /// <summary>numpy's float64 machine epsilon, as scikit-learn uses it.</summary>
    private const double Epsilon = 2.220446049250313e-16;
}
