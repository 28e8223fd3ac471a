using Xunit;

namespace GmmGpu.Tests.Mixture;

public class MarginalCovarianceTests
{
    [Fact]
    public void MarginalCovariance_EveryType_IsTheBlockOfTheFullMatrix()
    {
        // K = 2, D = 3, as scikit-learn shapes them.
        double[] full = [4, 1, 0.5, 1, 3, -0.2, 0.5, -0.2, 2, 1, 0, 0.3, 0, 2, 0, 0.3, 0, 5];
        double[] diagonal = [4, 3, 2, 1, 2, 5];
        var cases = new (CovarianceType Type, double[] Covariances, double[,,] Expected)[]
        {
            (CovarianceType.Full, full, Expand(2, 3, (k, i, j) => full[(k * 9) + (i * 3) + j])),
            (CovarianceType.Tied, full[..9], Expand(2, 3, (_, i, j) => full[(i * 3) + j])),
            (CovarianceType.Diagonal, diagonal,
                Expand(2, 3, (k, i, j) => i == j ? diagonal[(k * 3) + i] : 0)),
            (CovarianceType.Spherical, [4, 0.5],
                Expand(2, 3, (k, i, j) => i == j ? (k == 0 ? 4 : 0.5) : 0)),
        };
        foreach ((CovarianceType type, double[] covariances, double[,,] expected) in cases)
        {
            var parameters = new MixtureParameters(
                type, 2, 3, [0.5, 0.5], [0, 0, 0, 1, 1, 1], covariances);
            for (int k = 0; k < 2; k++)
            {
                foreach ((int a, int b) in new[] { (0, 1), (2, 0), (1, 1) })
                {
                    Assert.Equal((expected[k, a, a], expected[k, a, b], expected[k, b, b]),
                        parameters.MarginalCovariance(k, a, b));
                }
            }
        }
    }

    [Fact]
    public void MarginalCovariance_FeatureOutOfRange_Throws()
    {
        var parameters = new MixtureParameters(
            CovarianceType.Spherical, 1, 2, [1.0], [0, 0], [1.0]);
        Assert.Throws<ArgumentOutOfRangeException>(() => parameters.MarginalCovariance(0, 0, 2));
        Assert.Throws<ArgumentOutOfRangeException>(() => parameters.MarginalCovariance(1, 0, 1));
    }

    private static double[,,] Expand(int k, int d, Func<int, int, int, double> entry)
    {
        var result = new double[k, d, d];
        for (int c = 0; c < k; c++)
        {
            for (int i = 0; i < d; i++)
            {
                for (int j = 0; j < d; j++)
                {
                    result[c, i, j] = entry(c, i, j);
                }
            }
        }

        return result;
    }
}
