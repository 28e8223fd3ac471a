using GmmGpu.Tests.Reference;
using Xunit;

namespace GmmGpu.Tests.Mixture;

/// <summary>Every backend agrees with the plain float64 reference EM for D = 1, 2, 5.</summary>
public class ReferenceAgreementTests
{
    public static MatrixTheoryData<CovarianceType, int, ComputeDevice> Cases =>
        new(TestBackends.CovarianceTypes, [1, 2, 5], TestBackends.All);

    [Theory]
    [MemberData(nameof(Cases))]
    public void Fit_TenIterations_AgreesWithFloat64Reference(
        CovarianceType type, int dimensions, ComputeDevice device)
    {
        const int n = 1500, k = 3, iterations = 10;
        (float[] data, MixtureParameters start) = Problem(type, dimensions, n, k);
        using var mixture = new GaussianMixture(new GaussianMixtureOptions
        {
            Components = k,
            CovarianceType = type,
            Tolerance = 0,
            MaxIterations = iterations,
            InitialParameters = start,
            Device = device,
        });

        GaussianMixtureModel model = mixture.Fit(
            data, dimensions, cancellationToken: TestContext.Current.CancellationToken);
        ReferenceResult expected = ReferenceEm.Fit(
            data.Select(v => (double)v).ToArray(), n, dimensions, ToReference(start), iterations, 1e-6);

        NumericAssert.Close(expected.LowerBound, model.LowerBound, 1e-6, 0, "lower bound");
        NumericAssert.Close(expected.Parameters.Weights, model.Weights, 1e-4, 1e-7, "weights");
        NumericAssert.Close(expected.Parameters.Means, model.Means, 1e-4, 1e-5, "means");
        NumericAssert.Close(
            expected.Parameters.Covariances, model.Covariances, 1e-4, 1e-5, "covariances");
    }

    internal static (float[] Data, MixtureParameters Start) Problem(
        CovarianceType type, int d, int n, int k)
    {
        var random = new Random(17 * d);
        var data = new float[n * d];
        for (int i = 0; i < n; i++)
        {
            int c = i % k;
            for (int j = 0; j < d; j++)
            {
                double scale = 0.5 + (0.3 * ((c + j) % 3));
                data[(i * d) + j] = (float)((3.0 * c * (j % 2 == 0 ? 1 : -1)) + (scale * Blobs.Gaussian(random)));
            }
        }

        var weights = Enumerable.Repeat(1.0 / k, k).ToArray();
        var means = new double[k * d];
        var full = new double[k * d * d];
        for (int c = 0; c < k; c++)
        {
            for (int j = 0; j < d; j++)
            {
                means[(c * d) + j] = data[(c * d) + j] + 0.3;
                full[(c * d * d) + (j * d) + j] = 1.5;
            }
        }

        double[] covariances = type switch
        {
            CovarianceType.Full => full,
            CovarianceType.Tied => full[..(d * d)],
            CovarianceType.Diagonal => Enumerable.Repeat(1.5, k * d).ToArray(),
            _ => Enumerable.Repeat(1.5, k).ToArray(),
        };
        return (data, new MixtureParameters(type, k, d, weights, means, covariances));
    }

    internal static ReferenceParameters ToReference(MixtureParameters p) => new(
        p.CovarianceType switch
        {
            CovarianceType.Full => ReferenceEm.Full,
            CovarianceType.Tied => ReferenceEm.Tied,
            CovarianceType.Diagonal => ReferenceEm.Diag,
            _ => ReferenceEm.Spherical,
        },
        p.Components,
        p.Dimensions,
        p.Weights.ToArray(),
        p.Means.ToArray(),
        p.Covariances.ToArray());
}
