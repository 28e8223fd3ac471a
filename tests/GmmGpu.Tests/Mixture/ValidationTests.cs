using Xunit;

namespace GmmGpu.Tests.Mixture;

/// <summary>Bad input is refused at the public edge with a message naming what is wrong.</summary>
public class ValidationTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public void Fit_NaNInData_NamesRowAndColumn()
    {
        float[] data = [0, 0, 1, 1, 2, float.NaN, 3, 3];
        using var mixture = new GaussianMixture(new GaussianMixtureOptions { Components = 2 });

        var error = Assert.Throws<ArgumentException>(() => mixture.Fit(data, 2, cancellationToken: Token));

        Assert.Contains("row 2, column 1", error.Message, StringComparison.Ordinal);
        Assert.Contains("NaN", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Fit_InfinityInData_NamesRowAndColumn()
    {
        float[] data = [0, float.PositiveInfinity, 1, 1];
        using var mixture = new GaussianMixture(new GaussianMixtureOptions { Components = 1 });

        var error = Assert.Throws<ArgumentException>(() => mixture.Fit(data, 2, cancellationToken: Token));

        Assert.Contains("row 0, column 1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Fit_FewerPointsThanComponents_SaysHowMany()
    {
        float[] data = [0, 0, 1, 1];
        using var mixture = new GaussianMixture(new GaussianMixtureOptions { Components = 3 });

        var error = Assert.Throws<ArgumentException>(() => mixture.Fit(data, 2, cancellationToken: Token));

        Assert.Contains("2 points but 3 components", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Fit_EmptyData_IsRefused()
    {
        using var mixture = new GaussianMixture(new GaussianMixtureOptions());

        var error = Assert.Throws<ArgumentException>(() => mixture.Fit(Array.Empty<float>(), 2, cancellationToken: Token));

        Assert.Contains("empty", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Fit_RaggedLength_IsRefused()
    {
        using var mixture = new GaussianMixture(new GaussianMixtureOptions());

        var error = Assert.Throws<ArgumentException>(() => mixture.Fit(new float[7], 2, cancellationToken: Token));

        Assert.Contains("not a multiple of 2", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void Options_ComponentsBelowOne_AreRefused(int components) =>
        Assert.Throws<ArgumentOutOfRangeException>(
            () => new GaussianMixture(new GaussianMixtureOptions { Components = components }));

    [Fact]
    public void Options_NegativeRegCovar_IsRefused()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(
            () => new GaussianMixture(new GaussianMixtureOptions { RegCovar = -1e-6 }));

        Assert.Equal("RegCovar", error.ParamName);
    }

    [Fact]
    public void Predict_WrongWidth_IsRefused()
    {
        (float[] data, _) = Blobs.Create(300, seed: 1);
        using var mixture = new GaussianMixture(new GaussianMixtureOptions { Components = 3, Seed = 1 });
        GaussianMixtureModel model = mixture.Fit(data, 2, cancellationToken: Token);

        var error = Assert.Throws<ArgumentException>(() => model.Predict(new float[9]));

        Assert.Contains("not a multiple of 2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MixtureParameters_WrongShape_SaysExpectedShape()
    {
        var error = Assert.Throws<ArgumentException>(() => new MixtureParameters(
            CovarianceType.Full, 2, 2, [0.5, 0.5], [0, 0, 1, 1], [1, 0, 0, 1]));

        Assert.Contains("expected shape (2, 2, 2)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MixtureParameters_NotPositiveDefinite_IsRefused()
    {
        var error = Assert.Throws<ArgumentException>(() => new MixtureParameters(
            CovarianceType.Full, 1, 2, [1.0], [0, 0], [1, 2, 2, 1]));

        Assert.Contains("not positive definite", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MixtureParameters_Asymmetric_IsRefused()
    {
        var error = Assert.Throws<ArgumentException>(() => new MixtureParameters(
            CovarianceType.Tied, 1, 2, [1.0], [0, 0], [2, 0.5, 0.1, 2]));

        Assert.Contains("not symmetric", error.Message, StringComparison.Ordinal);
    }

    /// <summary>
    /// A component that loses all its points keeps its mean, gets weight ~0 and covariance
    /// reg_covar·I (scikit-learn's behaviour): the fit goes on without NaN.
    /// </summary>
    [Theory]
    [MemberData(nameof(FitBehaviourTests.TypesAndDevices), MemberType = typeof(FitBehaviourTests))]
    public void Fit_ComponentLosesAllPoints_StaysFinite(CovarianceType type, ComputeDevice device)
    {
        (float[] data, _) = Blobs.Create(900, seed: 2);
        double[] full = [1, 0, 0, 1, 1, 0, 0, 1, 1, 0, 0, 1, 1e-4, 0, 0, 1e-4];
        double[] covariances = type switch
        {
            CovarianceType.Full => full,
            CovarianceType.Tied => [1, 0, 0, 1],
            CovarianceType.Diagonal => [1, 1, 1, 1, 1, 1, 1e-4, 1e-4],
            _ => [1, 1, 1, 1e-4],
        };
        var start = new MixtureParameters(
            type, 4, 2, [0.3, 0.3, 0.3, 0.1], [0, 0, 8, 1, 3, 9, 1000, 1000], covariances);
        using var mixture = new GaussianMixture(new GaussianMixtureOptions
        {
            Components = 4, CovarianceType = type, InitialParameters = start, Tolerance = 0,
            MaxIterations = 5, Device = device,
        });

        GaussianMixtureModel model = mixture.Fit(data, 2, cancellationToken: Token);

        Assert.True(model.Weights[3] < 1e-10);
        Assert.All(model.Means.Concat(model.Covariances).Concat(model.PrecisionsCholesky),
            v => Assert.True(double.IsFinite(v)));
        Assert.True(double.IsFinite(model.LowerBound));
    }

    [Fact]
    public void Fit_SingularComponentWithoutRegularisation_NamesTheComponent()
    {
        // Two distinct points repeated: with K=2 each component collapses onto one point.
        float[] data = [.. Enumerable.Repeat(new float[] { 0, 0, 5, 5 }, 50).SelectMany(p => p)];
        using var mixture = new GaussianMixture(new GaussianMixtureOptions
        {
            Components = 2, RegCovar = 0, Seed = 1, Init = InitMethod.KMeans,
        });

        var error = Assert.Throws<DegenerateComponentException>(
            () => mixture.Fit(data, 2, cancellationToken: Token));

        Assert.Contains("Component", error.Message, StringComparison.Ordinal);
        Assert.Contains("RegCovar", error.Message, StringComparison.Ordinal);
        Assert.InRange(error.Component, 0, 1);
    }
}
