using GmmGpu.Em;
using GmmGpu.Engine;
using Xunit;

namespace GmmGpu.Tests.Mixture;

/// <summary>
/// The relations between covariance types that scikit-learn's <c>test_suffstat_sk_*</c> check:
/// on the same data and responsibilities, the diagonal covariances are the diagonals of the
/// full ones, the tied covariance is the N_k-weighted mean of the full ones, and the spherical
/// variances are the means of the diagonal ones (reg_covar included in each).
/// </summary>
public class CovarianceRelationTests
{
    private const int N = 400, D = 3, K = 4;
    private const double RegCovar = 1e-6;

    [Fact]
    public void EstimateDiagonal_EqualsDiagonalOfFull()
    {
        (double[] full, _) = Estimate(CovarianceType.Full);
        (double[] diagonal, _) = Estimate(CovarianceType.Diagonal);

        for (int k = 0; k < K; k++)
        {
            for (int j = 0; j < D; j++)
            {
                AssertClose(full[(k * D * D) + (j * D) + j], diagonal[(k * D) + j]);
            }
        }
    }

    [Fact]
    public void EstimateTied_EqualsNkWeightedMeanOfFull()
    {
        (double[] full, double[] nk) = Estimate(CovarianceType.Full);
        (double[] tied, _) = Estimate(CovarianceType.Tied);

        for (int i = 0; i < D * D; i++)
        {
            double weighted = 0;
            for (int k = 0; k < K; k++)
            {
                weighted += nk[k] * full[(k * D * D) + i];
            }

            AssertClose(weighted / nk.Sum(), tied[i]);
        }
    }

    [Fact]
    public void EstimateSpherical_EqualsMeanOfDiagonal()
    {
        (double[] diagonal, _) = Estimate(CovarianceType.Diagonal);
        (double[] spherical, _) = Estimate(CovarianceType.Spherical);

        for (int k = 0; k < K; k++)
        {
            AssertClose(diagonal.AsSpan(k * D, D).ToArray().Average(), spherical[k]);
        }
    }

    private static void AssertClose(double expected, double actual) =>
        Assert.True(Math.Abs(expected - actual) <= 1e-12 * Math.Max(1, Math.Abs(expected)),
            $"expected {expected:R}, got {actual:R}");

    /// <summary>
    /// The M-step's covariances of <paramref name="type"/> from statistics summed here, in
    /// float64, over seeded data with seeded random responsibilities about per-component shifts
    /// (the same for every type); also Σ_i r_ik per component.
    /// </summary>
    private static (double[] Covariances, double[] Nk) Estimate(CovarianceType type)
    {
        var random = new Random(7);
        var data = new double[N * D];
        for (int i = 0; i < data.Length; i++)
        {
            data[i] = (random.NextDouble() * 10) - 3 + (i % D);
        }

        var responsibilities = new double[N * K];
        for (int i = 0; i < N; i++)
        {
            Span<double> row = responsibilities.AsSpan(i * K, K);
            for (int k = 0; k < K; k++)
            {
                row[k] = random.NextDouble() + 0.01;
            }

            double sum = row.ToArray().Sum();
            for (int k = 0; k < K; k++)
            {
                row[k] /= sum;
            }
        }

        var shift = new float[K * D];
        for (int i = 0; i < shift.Length; i++)
        {
            shift[i] = (float)(random.NextDouble() * 4);
        }

        PrecisionForm form = type is CovarianceType.Full or CovarianceType.Tied
            ? PrecisionForm.Triangular
            : PrecisionForm.Diagonal;
        var statistics = new SufficientStatistics(K, D, form);
        int m = form.SecondMomentLength(D);
        for (int i = 0; i < N; i++)
        {
            for (int k = 0; k < K; k++)
            {
                double r = responsibilities[(i * K) + k];
                Span<double> centred = new double[D];
                for (int j = 0; j < D; j++)
                {
                    centred[j] = data[(i * D) + j] - shift[(k * D) + j];
                    statistics.Sk[(k * D) + j] += r * centred[j];
                }

                statistics.Nk[k] += r;
                int t = 0;
                for (int a = 0; a < D; a++)
                {
                    for (int b = form == PrecisionForm.Triangular ? a : D; b < D; b++)
                    {
                        statistics.Qk[(k * m) + t++] += r * centred[a] * centred[b];
                    }

                    if (form == PrecisionForm.Diagonal)
                    {
                        statistics.Qk[(k * m) + t++] += r * centred[a] * centred[a];
                    }
                }
            }
        }

        var model = new KernelModel(
            K, D, form, shift, new float[K * form.PrecisionLength(D)], new float[K]);
        MixtureParameters parameters = MaximizationStep.Estimate(statistics, model, type, RegCovar);
        return ([.. parameters.Covariances], statistics.Nk);
    }
}
