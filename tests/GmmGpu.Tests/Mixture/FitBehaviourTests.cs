using Xunit;

namespace GmmGpu.Tests.Mixture;

/// <summary>What a fit does, on every backend.</summary>
public class FitBehaviourTests
{
    public static TheoryData<ComputeDevice> Devices => new(TestBackends.All);

    public static MatrixTheoryData<CovarianceType, ComputeDevice> TypesAndDevices =>
        new(TestBackends.CovarianceTypes, TestBackends.All);

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(TypesAndDevices))]
    public void Fit_SeparatedBlobs_RecoversTrueMeans(CovarianceType type, ComputeDevice device)
    {
        (float[] data, _) = Blobs.Create(3000, seed: 1);
        using var mixture = new GaussianMixture(Options(device) with { CovarianceType = type });

        GaussianMixtureModel model = mixture.Fit(data, 2, cancellationToken: Token);

        Assert.True(model.Converged);
        for (int c = 0; c < 3; c++)
        {
            double best = Enumerable.Range(0, 3).Min(k => Distance(model.Means, k, Blobs.TrueMeans, c));
            Assert.True(best < 0.15, $"True mean {c} is {best:F3} from the nearest fitted mean.");
        }
    }

    [Theory]
    [MemberData(nameof(TypesAndDevices))]
    public void Fit_LowerBound_NeverDecreases(CovarianceType type, ComputeDevice device)
    {
        (float[] data, _) = Blobs.Create(2000, seed: 2);
        using var mixture = new GaussianMixture(
            Options(device) with { CovarianceType = type, Components = 4, Tolerance = 0, MaxIterations = 30 });

        GaussianMixtureModel model = mixture.Fit(data, 2, cancellationToken: Token);

        for (int i = 1; i < model.History.Count; i++)
        {
            Assert.True(
                model.History[i].LogLikelihood >= model.History[i - 1].LogLikelihood - 1e-7,
                $"Iteration {i + 1} lowered the log-likelihood: {model.History[i - 1].LogLikelihood:R} "
                + $"-> {model.History[i].LogLikelihood:R}.");
        }
    }

    [Theory]
    [MemberData(nameof(Devices))]
    public void Fit_ToleranceZero_RunsExactlyMaxIterations(ComputeDevice device)
    {
        (float[] data, _) = Blobs.Create(900, seed: 3);
        using var mixture = new GaussianMixture(Options(device) with { Tolerance = 0, MaxIterations = 7 });

        GaussianMixtureModel model = mixture.Fit(data, 2, cancellationToken: Token);

        Assert.Equal(7, model.Iterations);
        Assert.Equal(7, model.History.Count);
        Assert.False(model.Converged);
    }

    [Theory]
    [MemberData(nameof(Devices))]
    public void Fit_SameSeed_GivesIdenticalModel(ComputeDevice device)
    {
        (float[] data, _) = Blobs.Create(3000, seed: 4);

        GaussianMixtureModel first = FitOnce(data, Options(device));
        GaussianMixtureModel second = FitOnce(data, Options(device));

        Assert.Equal(first.Means, second.Means);
        Assert.Equal(first.Covariances, second.Covariances);
        Assert.Equal(first.LowerBound, second.LowerBound);
    }

    [Fact]
    public void Fit_OneOrTwoThreads_GivesIdenticalModel()
    {
        (float[] data, _) = Blobs.Create(100_000, seed: 5);
        GaussianMixtureOptions options = Options(ComputeDevice.Cpu);

        GaussianMixtureModel one = FitOnce(data, options with { MaxDegreeOfParallelism = 1 });
        GaussianMixtureModel two = FitOnce(data, options with { MaxDegreeOfParallelism = 2 });

        Assert.Equal(one.Means, two.Means);
        Assert.Equal(one.Covariances, two.Covariances);
        Assert.Equal(one.LowerBound, two.LowerBound);
    }

    [Theory]
    [MemberData(nameof(TypesAndDevices))]
    public void Fit_DataShiftedBy1e4_GivesSameCovariances(CovarianceType type, ComputeDevice device)
    {
        (float[] data, _) = Blobs.Create(3000, seed: 6);
        (float[] shifted, _) = Blobs.Create(3000, seed: 6, offset: 1e4);
        GaussianMixtureOptions options = Options(device) with { CovarianceType = type, Init = InitMethod.KMeans };

        GaussianMixtureModel near = FitOnce(data, options);
        GaussianMixtureModel far = FitOnce(shifted, options);

        // Same start relative to the data: compare covariances component by component.
        for (int i = 0; i < near.Covariances.Count; i++)
        {
            double expected = near.Covariances[i], actual = far.Covariances[i];
            Assert.True(
                Math.Abs(actual - expected) <= 1e-3 * Math.Max(Math.Abs(expected), 1e-2),
                $"covariances[{i}]: {expected:R} at the origin, {actual:R} at 1e4.");
        }
    }

    [Theory]
    [MemberData(nameof(Devices))]
    public void FitPredict_EqualsFitThenPredict(ComputeDevice device)
    {
        (float[] data, _) = Blobs.Create(1500, seed: 7);
        using var first = new GaussianMixture(Options(device));
        using var second = new GaussianMixture(Options(device));

        int[] fitPredict = first.FitPredict(data, 2, cancellationToken: Token);
        int[] predict = second.Fit(data, 2, cancellationToken: Token).Predict(data, second.Backend);

        Assert.Equal(predict, fitPredict);
    }

    [Theory]
    [MemberData(nameof(Devices))]
    public void Predict_SeparatedBlobs_AgreesWithTruthUpToPermutation(ComputeDevice device)
    {
        (float[] data, int[] truth) = Blobs.Create(3000, seed: 8);
        using var mixture = new GaussianMixture(Options(device));

        int[] labels = mixture.FitPredict(data, 2, cancellationToken: Token);

        int agree = 0;
        for (int c = 0; c < 3; c++)
        {
            agree += labels.Where((_, i) => truth[i] == c).GroupBy(l => l).Max(g => g.Count());
        }

        Assert.True(agree >= 0.99 * truth.Length, $"{agree} of {truth.Length} labels agree.");
    }

    [Theory]
    [MemberData(nameof(Devices))]
    public void PredictProba_RowsSumToOne(ComputeDevice device)
    {
        (float[] data, _) = Blobs.Create(600, seed: 9);
        using var mixture = new GaussianMixture(Options(device));
        GaussianMixtureModel model = mixture.Fit(data, 2, cancellationToken: Token);

        double[] proba = model.PredictProba(data, mixture.Backend);

        Assert.Equal(600 * 3, proba.Length);
        for (int i = 0; i < 600; i++)
        {
            Assert.Equal(1.0, proba.AsSpan(i * 3, 3).ToArray().Sum(), 1e-6);
        }
    }

    [Theory]
    [MemberData(nameof(Devices))]
    public void Score_EqualsMeanOfScoreSamples(ComputeDevice device)
    {
        (float[] data, _) = Blobs.Create(900, seed: 10);
        using var mixture = new GaussianMixture(Options(device));
        GaussianMixtureModel model = mixture.Fit(data, 2, cancellationToken: Token);

        Assert.Equal(model.ScoreSamples(data).Average(), model.Score(data, mixture.Backend), 1e-6);
    }

    [Theory]
    [MemberData(nameof(Devices))]
    public void Fit_NInit_KeepsTheBestStart(ComputeDevice device)
    {
        (float[] data, _) = Blobs.Create(1500, seed: 11);
        GaussianMixtureOptions options = Options(device) with { Init = InitMethod.Uniform, Components = 5 };

        double single = FitOnce(data, options).LowerBound;
        double best = FitOnce(data, options with { NInit = 4 }).LowerBound;

        Assert.True(best >= single, $"n_init=4 gave {best:R} < n_init=1 {single:R}.");
    }

    [Theory]
    [MemberData(nameof(Devices))]
    public void Fit_AicStopRule_StopsWhenAicStalls(ComputeDevice device)
    {
        (float[] data, _) = Blobs.Create(3000, seed: 12);
        GaussianMixtureOptions options = Options(device) with
        {
            StopRule = StopRule.Aic, Tolerance = 0, MaxIterations = 200, Init = InitMethod.Uniform,
        };

        GaussianMixtureModel model = FitOnce(data, options);

        Assert.True(model.Converged);
        IReadOnlyList<IterationRecord> h = model.History;
        Assert.True(h.Count >= 4);
        for (int i = h.Count - 3; i < h.Count; i++)
        {
            Assert.True(h[i - 1].Aic - h[i].Aic < 0.1);
        }
    }

    [Theory]
    [MemberData(nameof(Devices))]
    public void Fit_WarmStart_ContinuesFromPreviousModel(ComputeDevice device)
    {
        (float[] data, _) = Blobs.Create(1500, seed: 13);
        using var mixture = new GaussianMixture(
            Options(device) with { WarmStart = true, Tolerance = 0, MaxIterations = 2, Init = InitMethod.Uniform });
        GaussianMixtureModel first = mixture.Fit(data, 2, cancellationToken: Token);

        GaussianMixtureModel second = mixture.Fit(data, 2, cancellationToken: Token);

        Assert.True(second.History[0].LogLikelihood >= first.History[^1].LogLikelihood - 1e-9);
    }

    [Theory]
    [MemberData(nameof(Devices))]
    public void Fit_ReportsOneSnapshotPerIteration(ComputeDevice device)
    {
        (float[] data, _) = Blobs.Create(900, seed: 14);
        var snapshots = new List<IterationSnapshot>();
        using var mixture = new GaussianMixture(Options(device) with { Tolerance = 0, MaxIterations = 5 });

        GaussianMixtureModel model = mixture.Fit(data, 2, new SynchronousProgress(snapshots.Add), Token);

        Assert.Equal([1, 2, 3, 4, 5], snapshots.Select(s => s.Record.Iteration));
        Assert.Equal(model.Means, snapshots[^1].Parameters.Means);
    }

    [Fact]
    public void Fit_Cancelled_ThrowsOperationCanceled()
    {
        (float[] data, _) = Blobs.Create(900, seed: 15);
        using var cancellation = new CancellationTokenSource();
        using var mixture = new GaussianMixture(Options(ComputeDevice.Cpu) with { Tolerance = 0 });
        var progress = new SynchronousProgress(s =>
        {
            if (s.Record.Iteration == 3)
            {
                cancellation.Cancel();
            }
        });

        Assert.ThrowsAny<OperationCanceledException>(() => mixture.Fit(data, 2, progress, cancellation.Token));
    }

    [Theory]
    [MemberData(nameof(Devices))]
    public void Sample_ThenFit_RecoversTheModel(ComputeDevice device)
    {
        (float[] data, _) = Blobs.Create(3000, seed: 16);
        using var mixture = new GaussianMixture(Options(device));
        GaussianMixtureModel truth = mixture.Fit(data, 2, cancellationToken: Token);

        (float[] samples, int[] labels) = truth.Sample(60_000, seed: 3);
        GaussianMixtureModel refit = FitOnce(samples, Options(device));

        Assert.Equal(60_000, labels.Length);
        for (int c = 0; c < 3; c++)
        {
            double best = Enumerable.Range(0, 3).Min(k => Distance(refit.Means, k, truth.Means, c));
            Assert.True(best < 0.05, $"Component {c} mean moved by {best:F3}.");
        }
    }

    [Theory]
    [MemberData(nameof(Devices))]
    public void Fit_EveryInitMethod_Converges(ComputeDevice device)
    {
        (float[] data, _) = Blobs.Create(1500, seed: 17);
        foreach (InitMethod init in Enum.GetValues<InitMethod>())
        {
            GaussianMixtureModel model = FitOnce(data, Options(device) with { Init = init, MaxIterations = 300 });

            Assert.True(model.Converged, $"{init} did not converge.");
            Assert.All(model.Means, m => Assert.True(double.IsFinite(m)));
        }
    }

    internal static GaussianMixtureOptions Options(ComputeDevice device) => new()
    {
        Components = 3,
        Seed = 42,
        Device = device,
    };

    private static GaussianMixtureModel FitOnce(float[] data, GaussianMixtureOptions options)
    {
        using var mixture = new GaussianMixture(options);
        return mixture.Fit(data, 2, cancellationToken: Token);
    }

    private static double Distance(IReadOnlyList<double> a, int i, IReadOnlyList<double> b, int j) =>
        Math.Sqrt(Math.Pow(a[2 * i] - b[2 * j], 2) + Math.Pow(a[(2 * i) + 1] - b[(2 * j) + 1], 2));
}

/// <summary>IProgress that calls back on the reporting thread (Progress&lt;T&gt; posts later).</summary>
internal sealed class SynchronousProgress(Action<IterationSnapshot> report) : IProgress<IterationSnapshot>
{
    public void Report(IterationSnapshot value) => report(value);
}
