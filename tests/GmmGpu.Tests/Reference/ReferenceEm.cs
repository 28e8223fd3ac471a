namespace GmmGpu.Tests.Reference;

/// <summary>
/// Gaussian mixture parameters in scikit-learn's shapes, flattened row-major: weights (K),
/// means (K×D) and covariances (full K×D×D, tied D×D, diag K×D, spherical K).
/// </summary>
internal sealed record ReferenceParameters(
    string CovarianceType, int K, int D, double[] Weights, double[] Means, double[] Covariances);

/// <summary>
/// The parameters after the last M-step, the lower bound (mean log-likelihood of the last
/// E-step, as sklearn's lower_bound_) and the mean log-likelihood of every E-step in order.
/// </summary>
internal sealed record ReferenceResult(
    ReferenceParameters Parameters, double LowerBound, double[] LogLikelihoods);

/// <summary>
/// Textbook float64 EM for Gaussian mixtures, written to follow scikit-learn's
/// <c>_estimate_gaussian_parameters</c>, <c>_compute_precision_cholesky</c> and
/// <c>_estimate_log_gaussian_prob</c>. Test-only: it keeps the N×K responsibilities.
/// </summary>
internal static class ReferenceEm
{
    public const string Full = "full";
    public const string Tied = "tied";
    public const string Diag = "diag";
    public const string Spherical = "spherical";

    /// <summary>numpy.finfo(float64).eps; sklearn adds 10·eps to every Nk.</summary>
    public const double MachineEpsilon = 2.220446049250313e-16;

    /// <summary>
    /// Runs exactly <paramref name="iterations"/> EM steps from <paramref name="start"/>, like
    /// sklearn with tol = 0 and max_iter = iterations. Data is (n, d) row-major.
    /// </summary>
    public static ReferenceResult Fit(
        double[] data, int n, int d, ReferenceParameters start, int iterations, double regCovar)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(iterations);
        Validate(data, n, d, start);
        var parameters = start;
        var logLikelihoods = new double[iterations];
        for (int iteration = 0; iteration < iterations; iteration++)
        {
            var logResp = EStep(data, n, parameters, out double meanLogLikelihood);
            logLikelihoods[iteration] = meanLogLikelihood;
            parameters = MStep(data, n, parameters, logResp, regCovar);
        }

        return new ReferenceResult(parameters, logLikelihoods[^1], logLikelihoods);
    }

    /// <summary>log p(x_i) under the mixture, shape (n). sklearn: score_samples.</summary>
    public static double[] ScoreSamples(double[] data, int n, int d, ReferenceParameters p)
    {
        Validate(data, n, d, p);
        var weighted = WeightedLogProb(data, n, p);
        var scores = new double[n];
        for (int i = 0; i < n; i++)
        {
            scores[i] = DenseMath.LogSumExp(weighted.AsSpan(i * p.K, p.K));
        }

        return scores;
    }

    /// <summary>
    /// log N(x_i | μ_k, Σ_k), shape (n, K) row-major. sklearn: _estimate_log_gaussian_prob.
    /// </summary>
    public static double[] LogGaussianProb(double[] data, int n, int d, ReferenceParameters p)
    {
        Validate(data, n, d, p);
        return LogGaussianProbUnchecked(data, n, p);
    }

    /// <summary>
    /// sklearn's precisions_cholesky_, flattened: for full and tied the upper-triangular
    /// L⁻ᵀ with L·Lᵀ = Σ (so P = U·Uᵀ); for diag and spherical 1/√σ².
    /// </summary>
    public static double[] PrecisionsCholesky(ReferenceParameters p)
    {
        int d = p.D;
        switch (p.CovarianceType)
        {
            case Full:
                var result = new double[p.K * d * d];
                for (int k = 0; k < p.K; k++)
                {
                    UpperPrecisionCholesky(p.Covariances, k * d * d, d).CopyTo(result, k * d * d);
                }

                return result;
            case Tied:
                return UpperPrecisionCholesky(p.Covariances, 0, d);
            case Diag:
            case Spherical:
                return p.Covariances.Select(v => 1.0 / Math.Sqrt(v)).ToArray();
            default:
                throw UnknownType(p.CovarianceType);
        }
    }

    /// <summary>Length of the flattened covariances for a covariance type.</summary>
    public static int CovarianceLength(string covarianceType, int k, int d) => covarianceType switch
    {
        Full => k * d * d,
        Tied => d * d,
        Diag => k * d,
        Spherical => k,
        _ => throw UnknownType(covarianceType),
    };

    private static double[] EStep(
        double[] data, int n, ReferenceParameters p, out double meanLogLikelihood)
    {
        var logResp = WeightedLogProb(data, n, p);
        double total = 0.0;
        for (int i = 0; i < n; i++)
        {
            var row = logResp.AsSpan(i * p.K, p.K);
            double logProbNorm = DenseMath.LogSumExp(row);
            total += logProbNorm;
            for (int k = 0; k < p.K; k++)
            {
                row[k] -= logProbNorm;
            }
        }

        meanLogLikelihood = total / n;
        return logResp;
    }

    private static ReferenceParameters MStep(
        double[] data, int n, ReferenceParameters p, double[] logResp, double regCovar)
    {
        int kCount = p.K;
        int d = p.D;
        var resp = logResp.Select(Math.Exp).ToArray();
        var nk = new double[kCount];
        var means = new double[kCount * d];
        for (int k = 0; k < kCount; k++)
        {
            double sum = 0.0;
            for (int i = 0; i < n; i++)
            {
                sum += resp[i * kCount + k];
                for (int j = 0; j < d; j++)
                {
                    means[k * d + j] += resp[i * kCount + k] * data[i * d + j];
                }
            }

            nk[k] = sum + 10 * MachineEpsilon;
            for (int j = 0; j < d; j++)
            {
                means[k * d + j] /= nk[k];
            }
        }

        // Full scatter per component, Σ_i r_ik (x_i − μ_k)(x_i − μ_k)ᵀ / Nk, then reduced.
        var scatter = new double[kCount * d * d];
        for (int k = 0; k < kCount; k++)
        {
            for (int i = 0; i < n; i++)
            {
                double r = resp[i * kCount + k];
                for (int a = 0; a < d; a++)
                {
                    double da = data[i * d + a] - means[k * d + a];
                    for (int b = 0; b < d; b++)
                    {
                        double db = data[i * d + b] - means[k * d + b];
                        scatter[(k * d + a) * d + b] += r * da * db;
                    }
                }
            }
        }

        double nkSum = nk.Sum();
        var covariances = new double[CovarianceLength(p.CovarianceType, kCount, d)];
        for (int k = 0; k < kCount; k++)
        {
            for (int a = 0; a < d; a++)
            {
                for (int b = 0; b < d; b++)
                {
                    double s = scatter[(k * d + a) * d + b];
                    switch (p.CovarianceType)
                    {
                        case Full:
                            covariances[(k * d + a) * d + b] = s / nk[k];
                            break;
                        case Tied:
                            covariances[a * d + b] += s;
                            break;
                        case Diag when a == b:
                            covariances[k * d + a] = s / nk[k];
                            break;
                        case Spherical when a == b:
                            covariances[k] += s / nk[k] / d;
                            break;
                    }
                }
            }
        }

        AddRegularisation(p.CovarianceType, covariances, kCount, d, nkSum, regCovar);
        var weights = nk.Select(v => v / nkSum).ToArray();
        return new ReferenceParameters(p.CovarianceType, kCount, d, weights, means, covariances);
    }

    private static void AddRegularisation(
        string covarianceType, double[] covariances, int k, int d, double nkSum, double regCovar)
    {
        switch (covarianceType)
        {
            case Full:
                for (int c = 0; c < k; c++)
                {
                    for (int a = 0; a < d; a++)
                    {
                        covariances[(c * d + a) * d + a] += regCovar;
                    }
                }

                break;
            case Tied:
                for (int a = 0; a < d * d; a++)
                {
                    covariances[a] /= nkSum;
                }

                for (int a = 0; a < d; a++)
                {
                    covariances[a * d + a] += regCovar;
                }

                break;
            default:
                for (int a = 0; a < covariances.Length; a++)
                {
                    covariances[a] += regCovar;
                }

                break;
        }
    }

    /// <summary>log w_k + log N(x_i | μ_k, Σ_k), shape (n, K).</summary>
    private static double[] WeightedLogProb(double[] data, int n, ReferenceParameters p)
    {
        var logProb = LogGaussianProbUnchecked(data, n, p);
        for (int i = 0; i < n; i++)
        {
            for (int k = 0; k < p.K; k++)
            {
                logProb[i * p.K + k] += Math.Log(p.Weights[k]);
            }
        }

        return logProb;
    }

    // log N = −½(D·log 2π + ‖(x − μ)ᵀU‖²) + Σ_j log U_jj, with U the precision Cholesky.
    private static double[] LogGaussianProbUnchecked(double[] data, int n, ReferenceParameters p)
    {
        int d = p.D;
        var result = new double[n * p.K];
        var diff = new double[d];
        for (int k = 0; k < p.K; k++)
        {
            var u = DensePrecisionCholesky(p, k);
            double logDet = 0.0;
            for (int j = 0; j < d; j++)
            {
                logDet += Math.Log(u[j * d + j]);
            }

            for (int i = 0; i < n; i++)
            {
                for (int j = 0; j < d; j++)
                {
                    diff[j] = data[i * d + j] - p.Means[k * d + j];
                }

                double mahalanobis = 0.0;
                for (int col = 0; col < d; col++)
                {
                    double y = 0.0;
                    for (int row = 0; row < d; row++)
                    {
                        y += diff[row] * u[row * d + col];
                    }

                    mahalanobis += y * y;
                }

                result[i * p.K + k] = -0.5 * (d * Math.Log(2 * Math.PI) + mahalanobis) + logDet;
            }
        }

        return result;
    }

    /// <summary>Component k's precision Cholesky as a dense d×d matrix, for every type.</summary>
    private static double[] DensePrecisionCholesky(ReferenceParameters p, int k)
    {
        int d = p.D;
        switch (p.CovarianceType)
        {
            case Full:
                return UpperPrecisionCholesky(p.Covariances, k * d * d, d);
            case Tied:
                return UpperPrecisionCholesky(p.Covariances, 0, d);
            case Diag:
            case Spherical:
                var u = new double[d * d];
                for (int j = 0; j < d; j++)
                {
                    double variance = p.CovarianceType == Diag
                        ? p.Covariances[k * d + j]
                        : p.Covariances[k];
                    u[j * d + j] = 1.0 / Math.Sqrt(variance);
                }

                return u;
            default:
                throw UnknownType(p.CovarianceType);
        }
    }

    private static double[] UpperPrecisionCholesky(double[] covariances, int offset, int d) =>
        DenseMath.Transpose(DenseMath.InvertLower(DenseMath.Cholesky(covariances, offset, d), d), d);

    private static void Validate(double[] data, int n, int d, ReferenceParameters p)
    {
        ArgumentOutOfRangeException.ThrowIfNotEqual(data.Length, n * d);
        ArgumentOutOfRangeException.ThrowIfNotEqual(p.D, d);
        ArgumentOutOfRangeException.ThrowIfNotEqual(p.Weights.Length, p.K);
        ArgumentOutOfRangeException.ThrowIfNotEqual(p.Means.Length, p.K * d);
        ArgumentOutOfRangeException.ThrowIfNotEqual(
            p.Covariances.Length, CovarianceLength(p.CovarianceType, p.K, d));
    }

    private static ArgumentException UnknownType(string covarianceType) => new(
        $"Unknown covariance type '{covarianceType}'; "
        + "expected full, tied, diag or spherical.",
        nameof(covarianceType));
}
