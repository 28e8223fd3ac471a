using GmmGpu.Data;
using GmmGpu.Tests.Data;
using GmmGpu.Tests.Reference;
using Xunit;

namespace GmmGpu.Tests.Mixture;

/// <summary>
/// Issue 12, items 6 and 7: data far from the origin (1e8, int64 near 2⁶³) or at scales whose
/// squares leave float32 (1e20) or are tiny (1e-10, 1e-20) fits as the float64 reference
/// (scikit-learn's EM) fits it, the model in the user's units, on every backend.
/// </summary>
public class OffsetAndScaleTests
{
    private const int N = 1000, D = 2, K = 2, Iterations = 10;

    public static TheoryData<ComputeDevice> Devices => new(TestBackends.All);

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(Devices))]
    public void Fit_Float64DataAt1e8_AgreesWithFloat64Reference(ComputeDevice device)
    {
        // Before: float64 rounded to float32 first (spacing 8 at 1e8), one component collapsed
        // to reg_covar·I and the means were 1e8 and 1e8 + 6.8.
        double[] data = Clusters(offset: 1e8, scale: 1);
        MixtureParameters start = Start(data, 1e8, 1);
        using var mixture = new GaussianMixture(Options(device, start));

        GaussianMixtureModel model = mixture.Fit(data.AsSpan(), D, cancellationToken: Token);

        AssertAgrees(data, start, model, regCovar: 1e-6, meanTolerance: 1e-4);
    }

    [Theory]
    [MemberData(nameof(Devices))]
    public void Fit_Float64NpyFileAt1e8_AgreesWithFloat64Reference(ComputeDevice device)
    {
        using var files = new TestFiles();
        double[] data = Clusters(offset: 1e8, scale: 1);
        string path = files.WriteNpy("far.npy", data, N, D);
        MixtureParameters start = Start(data, 1e8, 1);
        using var mixture = new GaussianMixture(Options(device, start));
        using IRowSource source = RowSources.Open(path);

        GaussianMixtureModel model = mixture.Fit(source, cancellationToken: Token);

        AssertAgrees(data, start, model, regCovar: 1e-6, meanTolerance: 1e-4);
    }

    [Fact]
    public async Task Fit_ParquetInt64ColumnsNear2To63_AgreesWithFloat64Reference()
    {
        using var files = new TestFiles();
        const long offset = long.MaxValue - (1L << 20);
        double[] clusters = Clusters(offset: 0, scale: 1000);
        long[][] columns = [new long[N], new long[N]];
        for (int i = 0; i < N * D; i++)
        {
            columns[i % D][i / D] = offset + (long)Math.Round(clusters[i]);
        }

        string path = files.PathOf("big.parquet");
        await ParquetTestFile.WriteAsync(path, [("a", columns[0]), ("b", columns[1])]);

        // numpy would see each int64 as the nearest float64 (spacing 2048 here), as the reader
        // does; the reference runs on those values less the offset (exact: both are multiples
        // of 2048), since float64 EM at 9.2e18 itself keeps no digits of a spread of 1000.
        double[] data = Enumerable.Range(0, N * D)
            .Select(i => (double)columns[i % D][i / D] - offset).ToArray();
        MixtureParameters start = Start(data, 0, 1000);
        var options = Options(ComputeDevice.Cpu, Shifted(start, offset));
        using var mixture = new GaussianMixture(options);
        using IRowSource source = RowSources.Open(path);

        GaussianMixtureModel model = mixture.Fit(source, cancellationToken: Token);

        AssertAgrees(data, start, model, regCovar: 1e-6, meanTolerance: 5e3, meanOffset: offset);
    }

    [Theory]
    [MemberData(nameof(Devices))]
    public void Fit_Float32DataAt1e20_AgreesWithFloat64Reference(ComputeDevice device)
    {
        // Before: "singular covariance": the squares (1e40) overflow float32.
        float[] values = Clusters(offset: 0, scale: 1e20).Select(v => (float)v).ToArray();
        double[] data = values.Select(v => (double)v).ToArray();
        MixtureParameters start = Start(data, 0, 1e20);
        using var mixture = new GaussianMixture(Options(device, start));

        GaussianMixtureModel model = mixture.Fit(values, D, cancellationToken: Token);

        AssertAgrees(data, start, model, regCovar: 1e-6, meanTolerance: 1e14);
        Assert.Empty(model.Warnings);
    }

    [Fact]
    public void Fit_OneComponentAt1e20_GivesTheDataCovariance()
    {
        float[] values = Clusters(offset: 0, scale: 1e20).Select(v => (float)v).ToArray();
        using var mixture = new GaussianMixture(new GaussianMixtureOptions
        {
            Components = 1,
            Device = ComputeDevice.Cpu,
            Seed = 1,
        });

        GaussianMixtureModel model = mixture.Fit(values, D, cancellationToken: Token);

        double[] data = values.Select(v => (double)v).ToArray();
        for (int j = 0; j < D; j++)
        {
            double mean = Enumerable.Range(0, N).Average(i => data[(i * D) + j]);
            double variance = Enumerable.Range(0, N)
                .Average(i => Math.Pow(data[(i * D) + j] - mean, 2));
            NumericAssert.Close(mean, model.Means[j], 0, 1e-6 * Math.Sqrt(variance), $"mean {j}");
            NumericAssert.Close(variance, model.Covariances[(j * D) + j], 1e-6, 0, $"var {j}");
        }
    }

    [Theory]
    [MemberData(nameof(Devices))]
    public void Fit_DataAt1eMinus20_AgreesWithFloat64Reference(ComputeDevice device)
    {
        // reg_covar far below the variance (1e-40): the scaled fit keeps it meaningful.
        float[] values = Clusters(offset: 0, scale: 1e-20).Select(v => (float)v).ToArray();
        double[] data = values.Select(v => (double)v).ToArray();
        MixtureParameters start = Start(data, 0, 1e-20);
        using var mixture = new GaussianMixture(
            Options(device, start) with { RegCovar = 1e-46 });

        GaussianMixtureModel model = mixture.Fit(values, D, cancellationToken: Token);

        AssertAgrees(data, start, model, regCovar: 1e-46, meanTolerance: 1e-26);
        Assert.Empty(model.Warnings);
    }

    [Fact]
    public void Fit_DataAt1eMinus10_RegCovarSwampsAsInScikitLearnAndWarns()
    {
        double[] data = Clusters(offset: 0, scale: 1e-10);
        MixtureParameters start = Start(data, 0, 1e-10);
        using var mixture = new GaussianMixture(Options(ComputeDevice.Cpu, start));

        GaussianMixtureModel model = mixture.Fit(data.AsSpan(), D, cancellationToken: Token);

        AssertAgrees(data, start, model, regCovar: 1e-6, meanTolerance: 1e-16);
        string warning = Assert.Single(model.Warnings);
        Assert.Contains("reg_covar 1e-06 exceeds 1% of the variance", warning);
    }

    [Fact]
    public void Fit_OrdinaryData_HasNoWarning()
    {
        double[] data = Clusters(offset: 0, scale: 1);
        using var mixture = new GaussianMixture(Options(ComputeDevice.Cpu, Start(data, 0, 1)));

        Assert.Empty(mixture.Fit(data.AsSpan(), D, cancellationToken: Token).Warnings);
    }

    /// <summary>Two clusters 5 apart (scaled), shifted by <paramref name="offset"/>.</summary>
    internal static double[] Clusters(double offset, double scale)
    {
        var random = new Random(12);
        var data = new double[N * D];
        for (int i = 0; i < N; i++)
        {
            double centre = i % 2 == 0 ? 0 : 5;
            for (int j = 0; j < D; j++)
            {
                data[(i * D) + j] = offset + (scale * (centre + Blobs.Gaussian(random)));
            }
        }

        return data;
    }

    /// <summary>A start near each cluster, in the data's units.</summary>
    private static MixtureParameters Start(double[] data, double offset, double scale) => new(
        CovarianceType.Full,
        K,
        D,
        [0.5, 0.5],
        [data[0] + (0.3 * scale), data[1], data[2], data[3] - (0.3 * scale)],
        [scale * scale, 0, 0, scale * scale, scale * scale, 0, 0, scale * scale]);

    private static MixtureParameters Shifted(MixtureParameters start, double offset) => new(
        start.CovarianceType,
        start.Components,
        start.Dimensions,
        start.Weights.ToArray(),
        start.Means.Select(m => m + offset).ToArray(),
        start.Covariances.ToArray());

    private static GaussianMixtureOptions Options(ComputeDevice device, MixtureParameters start) =>
        new()
        {
            Components = K,
            Tolerance = 0,
            MaxIterations = Iterations,
            InitialParameters = start,
            Device = device,
        };

    private static void AssertAgrees(
        double[] data,
        MixtureParameters start,
        GaussianMixtureModel model,
        double regCovar,
        double meanTolerance,
        double meanOffset = 0)
    {
        ReferenceResult expected = ReferenceEm.Fit(
            data, N, D, ReferenceAgreementTests.ToReference(start), Iterations, regCovar);
        NumericAssert.Close(expected.LowerBound, model.LowerBound, 1e-6, 1e-6, "lower bound");
        NumericAssert.Close(expected.Parameters.Weights, model.Weights, 1e-4, 1e-6, "weights");
        NumericAssert.Close(
            expected.Parameters.Means.Select(m => m + meanOffset).ToArray(), model.Means, 0,
            meanTolerance, "means");
        double variance = expected.Parameters.Covariances.Max();
        NumericAssert.Close(
            expected.Parameters.Covariances, model.Covariances, 1e-4, 1e-5 * variance,
            "covariances");
    }
}
