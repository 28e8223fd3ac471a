using GmmGpu.Data;
using GmmGpu.Engine;
using GmmGpu.Tests.Cli;
using GmmGpu.Tests.Data;
using GmmGpu.Tests.Reference;
using GmmGpu.UseCases;
using Xunit;

namespace GmmGpu.Tests.Mixture;

/// <summary>
/// Issue 12, items 8, 9 and 21: points far from every component keep finite float64 scores,
/// responsibilities that sum to 1 and the nearest component's label; sampling a model beyond
/// float32's range is refused; the tied covariance is named as such.
/// </summary>
public class FarPointTests
{
    /// <summary>Near, then farther and farther: float32's |y|² overflows from the second on.
    /// </summary>
    private static readonly float[] Points =
    [
        2.5f, 2.4f,
        1e20f, 1e20f,
        -1e25f, 3e24f,
        3e30f, -1e30f,
        1e3f, -1e3f,
    ];

    public static TheoryData<ComputeDevice> Devices => new(TestBackends.All);

    private static int Rows => Points.Length / 2;

    [Theory]
    [MemberData(nameof(Devices))]
    public void ScoreSamples_FarPoints_AreFiniteFloat64Scores(ComputeDevice device)
    {
        // Before: −3.4e38 (float32's minimum) for every far point, so anomalies tied.
        using IComputeBackend backend = Backend(device);
        double[] expected = ReferenceEm.ScoreSamples(Widened(), Rows, 2, Reference());

        double[] scores = Model().ScoreSamples(Points, backend);

        // float32 precision for the near point; the far ones are computed in float64.
        NumericAssert.Close(expected, scores, 1e-6, 0, "log p(x)");
        Assert.Equal(scores.Length, scores.Distinct().Count());
    }

    [Theory]
    [MemberData(nameof(Devices))]
    public void PredictProba_FarPoints_SumToOneAndAgreeWithFloat64(ComputeDevice device)
    {
        // Before: rows [1, 1].
        using IComputeBackend backend = Backend(device);
        double[] expected = ReferenceResponsibilities();

        double[] responsibilities = Model().PredictProba(Points, backend);

        NumericAssert.Close(expected, responsibilities, 0, 1e-6, "responsibilities");
        for (int i = 0; i < Rows; i++)
        {
            NumericAssert.Close(
                1, responsibilities[2 * i] + responsibilities[(2 * i) + 1], 0, 1e-12, $"row {i}");
        }
    }

    [Theory]
    [MemberData(nameof(Devices))]
    public void Predict_FarPoints_NameTheNearestComponentInFloat64(ComputeDevice device)
    {
        using IComputeBackend backend = Backend(device);
        double[] expected = ReferenceResponsibilities();

        int[] labels = Model().Predict(Points, backend);

        for (int i = 0; i < Rows; i++)
        {
            Assert.Equal(expected[2 * i] >= expected[(2 * i) + 1] ? 0 : 1, labels[i]);
        }
    }

    [Fact]
    public void WriteScoresAndProbabilities_FarPointsFromAFile_AreFiniteAndSumToOne()
    {
        using var files = new TestFiles();
        string model = files.PathOf("m.json");
        Model().Save(model);
        string data = files.WriteNpy("far.npy", Points, Rows, 2);
        using IRowSource source = RowSources.Open(data);
        double[] expected = ReferenceEm.ScoreSamples(Widened(), Rows, 2, Reference());

        ScoreSummary summary = Scoring.WriteScores(
            GaussianMixtureModel.Load(model), source, files.PathOf("s.npy"),
            cancellationToken: TestContext.Current.CancellationToken);
        CliResult proba = CliResult.Run(
            "predict", model, data, "--proba", "-o", files.PathOf("p.npy"));

        NumericAssert.Close(expected.Min(), summary.Min, 1e-9, 0, "lowest score");
        Assert.Equal(0, proba.ExitCode);
        ReadOnlySpan<float> rows = DataReader.Read(files.PathOf("p.npy")).Values.Span;
        for (int i = 0; i < Rows; i++)
        {
            NumericAssert.Close(1, rows[2 * i] + rows[(2 * i) + 1], 0, 1e-6, $"row {i}");
        }
    }

    [Fact]
    public void Sample_ModelBeyondFloat32Range_IsRefusedWithAClearError()
    {
        // Before: ±inf written with exit 0, which gmm then refused to read.
        var model = GaussianMixtureModel.FromParameters(new MixtureParameters(
            CovarianceType.Diagonal, 2, 2, [0.5, 0.5], [0, 0, 1e300, 0], [1, 1, 1, 1e300]));
        using var files = new TestFiles();
        string path = files.PathOf("m.json");
        model.Save(path);

        var error = Assert.Throws<InvalidOperationException>(() => model.Sample(100, seed: 1));
        CliResult result = CliResult.Run("sample", path, "-n", "10", "-o", files.PathOf("s.npy"));

        Assert.Contains("component 1", error.Message, StringComparison.Ordinal);
        Assert.Contains("float32's range", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("float32's range", result.Stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(files.PathOf("s.npy")));
    }

    [Fact]
    public void Sample_ModelWithinRange_StillDraws()
    {
        var model = GaussianMixtureModel.FromParameters(new MixtureParameters(
            CovarianceType.Diagonal, 1, 1, [1.0], [1e30], [1e58]));

        (float[] samples, _) = model.Sample(1000, seed: 1);

        Assert.All(samples, s => Assert.True(float.IsFinite(s)));
    }

    [Fact]
    public void Fit_SingularTiedCovariance_NamesTheTiedCovariance()
    {
        // Before: "Component -1 has a singular covariance matrix".
        float[] line = Enumerable.Range(0, 200).SelectMany(i => new[] { i * 0.1f, i * 0.1f })
            .ToArray();
        using var mixture = new GaussianMixture(new GaussianMixtureOptions
        {
            Components = 1,
            CovarianceType = CovarianceType.Tied,
            RegCovar = 0,
            Device = ComputeDevice.Cpu,
            Seed = 1,
        });

        var error = Assert.Throws<DegenerateComponentException>(
            () => mixture.Fit(line, 2, cancellationToken: TestContext.Current.CancellationToken));

        Assert.StartsWith("The tied covariance has a singular covariance", error.Message);
        Assert.DoesNotContain("-1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parameters_TiedCovarianceNotPositiveDefinite_NamesTheTiedCovariance()
    {
        var error = Assert.Throws<ArgumentException>(() => new MixtureParameters(
            CovarianceType.Tied, 2, 2, [0.5, 0.5], [0, 0, 1, 1], [1, 2, 2, 1]));

        Assert.StartsWith("The tied covariance is not positive definite", error.Message);
    }

    private static IComputeBackend Backend(ComputeDevice device) =>
        GmmGpu.Backends.ComputeBackends.Create(device);

    private static GaussianMixtureModel Model() => GaussianMixtureModel.FromParameters(
        new MixtureParameters(
            CovarianceType.Full, 2, 2, [0.4, 0.6], [0, 0, 5, 5], [1, 0.3, 0.3, 1, 2, 0, 0, 0.5]));

    private static ReferenceParameters Reference() =>
        ReferenceAgreementTests.ToReference(Model().Parameters);

    private static double[] Widened() => Points.Select(v => (double)v).ToArray();

    /// <summary>exp(log w_k + log N(x | k) − log p(x)) in float64, shape (n, 2).</summary>
    private static double[] ReferenceResponsibilities()
    {
        ReferenceParameters reference = Reference();
        double[] logProb = ReferenceEm.LogGaussianProb(Widened(), Rows, 2, reference);
        double[] scores = ReferenceEm.ScoreSamples(Widened(), Rows, 2, reference);
        var responsibilities = new double[Rows * 2];
        for (int i = 0; i < responsibilities.Length; i++)
        {
            responsibilities[i] = Math.Exp(
                Math.Log(reference.Weights[i % 2]) + logProb[i] - scores[i / 2]);
        }

        return responsibilities;
    }
}
