using GmmGpu.Covariance;
using GmmGpu.Numerics;

namespace GmmGpu;

/// <summary>
/// The mixture's log-densities in float64, one point at a time, and the step that finishes a
/// batch of per-point results from the float32 passes: points so far from every component
/// that float32 overflows (all log-densities clamped or −∞) or keeps no digits of log p(x)
/// are recomputed here, so scores stay finite and ordered, labels name the nearest component
/// and responsibilities sum to 1. Scores then move to the user's units (minus the scaling's
/// log-Jacobian). Works in the internal units of a <see cref="FeatureScaling"/>.
/// </summary>
internal sealed class ExactDensity
{
    /// <summary>
    /// A float32 log p(x) this far (in nats) below the best component's peak keeps fewer than
    /// about two significant digits of the distance term: it is recomputed.
    /// </summary>
    private const double FarLogDensity = 1 << 19;

    private static readonly double HalfLogTwoPi = 0.5 * Math.Log(2 * Math.PI);

    private readonly MixtureParameters parameters;
    private readonly double logJacobian;
    private readonly double[] lower;
    private readonly double[] logNormalizer;
    private readonly double threshold;

    /// <param name="parameters">The mixture in internal units.</param>
    /// <param name="logJacobian">Subtracted from every score: the scaling's log-Jacobian.</param>
    public ExactDensity(MixtureParameters parameters, double logJacobian)
    {
        this.parameters = parameters;
        this.logJacobian = logJacobian;
        int k = parameters.Components, d = parameters.Dimensions;
        lower = new double[k * d * d];
        logNormalizer = new double[k];
        var matrix = new double[d * d];
        ICovarianceModel covariance = CovarianceModels.For(parameters.CovarianceType);
        for (int c = 0; c < k; c++)
        {
            covariance.ToFull(parameters.CovariancesArray, c, d, matrix);
            Span<double> factor = lower.AsSpan(c * d * d, d * d);
            if (!Cholesky.TryFactor(matrix, d, factor))
            {
                throw new DegenerateComponentException(c, 0);
            }

            double logDet = 0;
            for (int j = 0; j < d; j++)
            {
                logDet += Math.Log(factor[(j * d) + j]);
            }

            logNormalizer[c] = Math.Log(parameters.WeightsArray[c]) - logDet - (d * HalfLogTwoPi);
        }

        threshold = logNormalizer.Max() - FarLogDensity;
    }

    /// <summary>Subtracted from every score to move it to the user's units.</summary>
    public double LogJacobian => logJacobian;

    /// <summary>
    /// Finishes log p(x) of a batch, shape (n): far points recomputed, then every score moved
    /// to the user's units.
    /// </summary>
    /// <param name="rows">The batch, shape (n, D), internal units.</param>
    /// <param name="scores">The float32 passes' scores, shape (n), internal units.</param>
    public void FinishScores(ReadOnlySpan<float> rows, Span<double> scores)
    {
        int d = parameters.Dimensions;
        double[] buffer = new double[parameters.Components];
        for (int i = 0; i < scores.Length; i++)
        {
            if (!(scores[i] >= threshold) || double.IsPositiveInfinity(scores[i]))
            {
                scores[i] = LogProbability(rows.Slice(i * d, d), buffer);
            }

            scores[i] -= logJacobian;
        }
    }

    /// <summary>
    /// Finishes the labels of a batch, shape (n): a label below 0 (a point whose float32
    /// log-densities all overflowed) becomes the component of highest float64 log-density.
    /// </summary>
    public void FinishLabels(ReadOnlySpan<float> rows, Span<int> labels)
    {
        int d = parameters.Dimensions;
        double[] buffer = new double[parameters.Components];
        for (int i = 0; i < labels.Length; i++)
        {
            if (labels[i] < 0)
            {
                ComponentLogDensities(rows.Slice(i * d, d), buffer);
                labels[i] = Array.IndexOf(buffer, buffer.Max());
            }
        }
    }

    /// <summary>
    /// Finishes the responsibilities of a batch, shape (n, K): a row with a NaN or far from
    /// summing to 1 (float32 overflowed) is recomputed in float64; every other row is divided
    /// by its sum.
    /// </summary>
    public void FinishResponsibilities(ReadOnlySpan<float> rows, Span<double> responsibilities)
    {
        int d = parameters.Dimensions, k = parameters.Components;
        double[] buffer = new double[k];
        for (int i = 0; i < responsibilities.Length / k; i++)
        {
            Span<double> row = responsibilities.Slice(i * k, k);
            double sum = 0;
            foreach (double r in row)
            {
                sum += r;
            }

            if (Math.Abs(sum - 1) <= 1e-3)
            {
                // float32 rounding: the row is divided by its sum, so it sums to 1 in float64.
                foreach (ref double r in row)
                {
                    r /= sum;
                }
            }
            else
            {
                double logProbability = LogProbability(rows.Slice(i * d, d), buffer);
                for (int c = 0; c < k; c++)
                {
                    row[c] = Math.Exp(buffer[c] - logProbability);
                }
            }
        }
    }

    /// <summary>log p(x) = log Σ_k exp(log w_k N(x | k)) with the maximum taken out first;
    /// leaves the component terms in <paramref name="logDensity"/>, shape (K).</summary>
    public double LogProbability(ReadOnlySpan<float> x, Span<double> logDensity)
    {
        ComponentLogDensities(x, logDensity);
        double max = double.NegativeInfinity;
        foreach (double value in logDensity)
        {
            max = Math.Max(max, value);
        }

        if (double.IsNegativeInfinity(max))
        {
            return max;
        }

        double sum = 0;
        foreach (double value in logDensity)
        {
            sum += Math.Exp(value - max);
        }

        return max + Math.Log(sum);
    }

    /// <summary>log(w_k N(x | mean_k, Σ_k)) for every k: |L⁻¹(x − mean_k)|² by forward
    /// substitution with Σ_k = L Lᵀ.</summary>
    public void ComponentLogDensities(ReadOnlySpan<float> x, Span<double> logDensity)
    {
        int k = parameters.Components, d = parameters.Dimensions;
        Span<double> z = d <= 256 ? stackalloc double[d] : new double[d];
        for (int c = 0; c < k; c++)
        {
            ReadOnlySpan<double> factor = lower.AsSpan(c * d * d, d * d);
            ReadOnlySpan<double> mean = parameters.MeansArray.AsSpan(c * d, d);
            double squared = 0;
            for (int i = 0; i < d; i++)
            {
                double value = x[i] - mean[i];
                for (int j = 0; j < i; j++)
                {
                    value -= factor[(i * d) + j] * z[j];
                }

                z[i] = value / factor[(i * d) + i];
                squared += z[i] * z[i];
            }

            logDensity[c] = logNormalizer[c] - (0.5 * squared);
        }
    }
}
