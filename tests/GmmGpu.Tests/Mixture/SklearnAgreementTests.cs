using GmmGpu.Covariance;
using GmmGpu.Tests.Fixtures;
using GmmGpu.Tests.Reference;
using Xunit;

namespace GmmGpu.Tests.Mixture;

/// <summary>
/// Same data, same start, tol 0, 20 iterations: our fit equals scikit-learn's to within float32
/// per-point arithmetic (the sums are float64).
/// </summary>
public class SklearnAgreementTests
{
    public static MatrixTheoryData<string, ComputeDevice> Cases =>
        new(SklearnFixture.Names.Select(row => (string)row.Data), TestBackends.All);

    [Theory]
    [MemberData(nameof(Cases))]
    public void Fit_FromSklearnStart_MatchesSklearnAfterTwentyIterations(string name, ComputeDevice device)
    {
        SklearnFixture fixture = Load(name, device, out GaussianMixtureModel model);

        Assert.Equal(fixture.NIter, model.Iterations);
        NumericAssert.Close(fixture.LowerBound, model.LowerBound, 1e-6, 1e-6, "lower_bound_");
        NumericAssert.Close(fixture.Weights, model.Weights, 1e-4, 1e-6, "weights_");
        NumericAssert.Close(fixture.Means, model.Means, 1e-4, 1e-5, "means_");
        NumericAssert.Close(fixture.Covariances, model.Covariances, 1e-4, 1e-5, "covariances_");
        NumericAssert.Close(
            fixture.PrecisionsCholesky, model.PrecisionsCholesky, 1e-4, 1e-5, "precisions_cholesky_");
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Fit_FromSklearnStart_LowerBoundPathMatchesSklearn(string name, ComputeDevice device)
    {
        SklearnFixture fixture = Load(name, device, out GaussianMixtureModel model);

        NumericAssert.Close(
            fixture.LowerBounds, model.History.Select(r => r.LogLikelihood).ToArray(), 1e-6, 1e-6,
            "lower bound per iteration");
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Score_OfFittedModel_MatchesSklearn(string name, ComputeDevice device)
    {
        SklearnFixture fixture = Load(name, device, out GaussianMixtureModel model);
        float[] data = fixture.DataAsSingle();

        NumericAssert.Close(fixture.Score, model.Score(data), 1e-6, 1e-6, "score");
        NumericAssert.Close(
            fixture.ScoreSamplesFirst10, model.ScoreSamples(data.AsMemory(0, 10 * fixture.NFeatures)),
            1e-5, 1e-5, "score_samples");
    }

    private static SklearnFixture Load(string name, ComputeDevice device, out GaussianMixtureModel model)
    {
        SklearnFixture fixture = SklearnFixture.Load(name);
        CovarianceType type = ParseType(fixture.CovarianceType);
        var start = new MixtureParameters(
            type, fixture.NComponents, fixture.NFeatures, fixture.WeightsInit, fixture.MeansInit,
            fixture.CovariancesInit);
        using var mixture = new GaussianMixture(new GaussianMixtureOptions
        {
            Components = fixture.NComponents,
            CovarianceType = type,
            Tolerance = 0,
            MaxIterations = fixture.MaxIter,
            RegCovar = fixture.RegCovar,
            InitialParameters = start,
            Device = device,
        });
        model = mixture.Fit(
            fixture.DataAsSingle(), fixture.NFeatures,
            cancellationToken: TestContext.Current.CancellationToken);
        return fixture;
    }

    internal static CovarianceType ParseType(string name) =>
        CovarianceModels.Parse(name) ?? throw new ArgumentException(name, nameof(name));
}
