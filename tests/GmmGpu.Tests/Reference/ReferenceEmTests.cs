using GmmGpu.Tests.Fixtures;
using Xunit;

namespace GmmGpu.Tests.Reference;

/// <summary>Pins the float64 reference EM to scikit-learn's own runs (Fixtures/sklearn).</summary>
public class ReferenceEmTests
{
    private const double ParameterRelative = 1e-9;
    private const double ParameterAbsolute = 1e-12;
    private const double LowerBoundAbsolute = 1e-10;
    private const double ScoreTolerance = 1e-9;

    public static TheoryData<string> Names => SklearnFixture.Names;

    [Fact]
    public void Names_ListsEveryCovarianceTypeInTwoShapes()
    {
        string[] expected =
        [
            "diag_d2_k3", "diag_d3_k2", "full_d2_k3", "full_d3_k2",
            "spherical_d2_k3", "spherical_d3_k2", "tied_d2_k3", "tied_d3_k2",
        ];
        Assert.Equal(expected, Names.Select(row => row.Data));
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Fit_FromSklearnInit_MatchesSklearnParameters(string name)
    {
        var fixture = SklearnFixture.Load(name);
        var result = Run(fixture);
        var p = result.Parameters;

        NumericAssert.Close(fixture.Weights, p.Weights, ParameterRelative, ParameterAbsolute,
            "weights");
        NumericAssert.Close(fixture.Means, p.Means, ParameterRelative, ParameterAbsolute,
            "means");
        NumericAssert.Close(fixture.Covariances, p.Covariances, ParameterRelative,
            ParameterAbsolute, "covariances");
        NumericAssert.Close(fixture.PrecisionsCholesky, ReferenceEm.PrecisionsCholesky(p),
            ParameterRelative, ParameterAbsolute, "precisions_cholesky");
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Fit_FromSklearnInit_MatchesSklearnLowerBoundEveryIteration(string name)
    {
        var fixture = SklearnFixture.Load(name);
        var result = Run(fixture);

        Assert.Equal(fixture.NIter, result.LogLikelihoods.Length);
        NumericAssert.Close(fixture.LowerBound, result.LowerBound, 0.0, LowerBoundAbsolute,
            "lower_bound");
        NumericAssert.Close(fixture.LowerBounds, result.LogLikelihoods, 0.0,
            LowerBoundAbsolute, "lower_bounds");
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Fit_FromSklearnInit_LowerBoundNeverDecreases(string name)
    {
        var result = Run(SklearnFixture.Load(name));

        for (int i = 1; i < result.LogLikelihoods.Length; i++)
        {
            Assert.True(result.LogLikelihoods[i] >= result.LogLikelihoods[i - 1] - 1e-12,
                $"iteration {i + 1}: {result.LogLikelihoods[i]:R} < "
                + $"{result.LogLikelihoods[i - 1]:R}");
        }
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void ScoreSamples_ReferenceFit_MatchesSklearnScore(string name)
    {
        var fixture = SklearnFixture.Load(name);
        var fitted = Run(fixture).Parameters;

        var scores = ReferenceEm.ScoreSamples(
            fixture.Data, fixture.NSamples, fixture.NFeatures, fitted);

        NumericAssert.Close(fixture.Score, scores.Average(), ScoreTolerance, ScoreTolerance,
            "score");
        NumericAssert.Close(fixture.ScoreSamplesFirst10, scores[..10], ScoreTolerance,
            ScoreTolerance, "score_samples");
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void ScoreSamples_SklearnFittedParameters_MatchesSklearnScore(string name)
    {
        var fixture = SklearnFixture.Load(name);

        var scores = ReferenceEm.ScoreSamples(
            fixture.Data, fixture.NSamples, fixture.NFeatures, fixture.FittedParameters());

        NumericAssert.Close(fixture.Score, scores.Average(), 1e-12, 1e-12, "score");
        NumericAssert.Close(fixture.ScoreSamplesFirst10, scores[..10], 1e-12, 1e-12,
            "score_samples");
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void PrecisionsCholesky_InitCovariances_ReproducesPrecisionsInit(string name)
    {
        var fixture = SklearnFixture.Load(name);
        var init = fixture.InitialParameters();
        var u = ReferenceEm.PrecisionsCholesky(init);
        int d = init.D;

        var precisions = init.CovarianceType switch
        {
            ReferenceEm.Full => Enumerable.Range(0, init.K)
                .SelectMany(k => MultiplyByTranspose(u.AsSpan(k * d * d, d * d).ToArray(), d))
                .ToArray(),
            ReferenceEm.Tied => MultiplyByTranspose(u, d),
            _ => u.Select(v => v * v).ToArray(),
        };

        NumericAssert.Close(fixture.PrecisionsInit, precisions, 1e-12, 1e-14,
            "precisions_init");
    }

    [Fact]
    public void DenseMath_CholeskyAndInverse_AreConsistent()
    {
        double[] a = [4.0, 2.0, 0.6, 2.0, 5.0, -1.0, 0.6, -1.0, 3.0];
        var l = DenseMath.Cholesky(a, 0, 3);
        var inverse = DenseMath.InvertLower(l, 3);

        NumericAssert.Close(a, MultiplyByTranspose(l, 3), 1e-15, 1e-15, "L·Lᵀ");
        double[] identity = [1, 0, 0, 0, 1, 0, 0, 0, 1];
        NumericAssert.Close(identity, Multiply(l, inverse, 3), 0.0, 1e-15, "L·L⁻¹");
        Assert.Equal(0.0, l[1]);
        Assert.Equal(0.0, inverse[2]);
    }

    [Fact]
    public void DenseMath_NotPositiveDefinite_Throws()
    {
        double[] a = [1.0, 2.0, 2.0, 1.0];
        Assert.Throws<InvalidOperationException>(() => DenseMath.Cholesky(a, 0, 2));
    }

    private static ReferenceResult Run(SklearnFixture fixture) => ReferenceEm.Fit(
        fixture.Data,
        fixture.NSamples,
        fixture.NFeatures,
        fixture.InitialParameters(),
        fixture.MaxIter,
        fixture.RegCovar);

    private static double[] MultiplyByTranspose(double[] m, int d) =>
        Multiply(m, DenseMath.Transpose(m, d), d);

    private static double[] Multiply(double[] a, double[] b, int d)
    {
        var c = new double[d * d];
        for (int i = 0; i < d; i++)
        {
            for (int j = 0; j < d; j++)
            {
                for (int p = 0; p < d; p++)
                {
                    c[i * d + j] += a[i * d + p] * b[p * d + j];
                }
            }
        }

        return c;
    }
}
