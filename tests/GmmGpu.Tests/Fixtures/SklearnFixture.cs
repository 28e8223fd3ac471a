using System.Text.Json;
using System.Text.Json.Serialization;
using GmmGpu.Tests.Reference;
using Xunit;

namespace GmmGpu.Tests.Fixtures;

/// <summary>
/// One scikit-learn GaussianMixture run from <c>Fixtures/sklearn/*.json</c>, made by
/// <c>tests/fixtures/make_sklearn_fixtures.py</c>. Arrays are flattened row-major in sklearn's
/// shapes (covariances: full K×D×D, tied D×D, diag K×D, spherical K).
/// </summary>
internal sealed class SklearnFixture
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    public static string Directory { get; } =
        Path.Combine(AppContext.BaseDirectory, "Fixtures", "sklearn");

    /// <summary>Fixture names (file names without .json), sorted, for [MemberData].</summary>
    public static TheoryData<string> Names => new(
        System.IO.Directory.GetFiles(Directory, "*.json")
            .Select(Path.GetFileNameWithoutExtension)
            .OfType<string>()
            .Order(StringComparer.Ordinal));

    public required string Name { get; init; }
    public required string SklearnVersion { get; init; }
    public required string CovarianceType { get; init; }
    public required int NComponents { get; init; }
    public required int NFeatures { get; init; }
    public required int NSamples { get; init; }
    public required int MaxIter { get; init; }
    public required double RegCovar { get; init; }

    /// <summary>Shape (NSamples, NFeatures); every value is exactly a float32.</summary>
    public required double[] Data { get; init; }
    public required double[] WeightsInit { get; init; }
    public required double[] MeansInit { get; init; }
    public required double[] CovariancesInit { get; init; }
    public required double[] PrecisionsInit { get; init; }

    public required double[] Weights { get; init; }
    public required double[] Means { get; init; }
    public required double[] Covariances { get; init; }
    public required double[] PrecisionsCholesky { get; init; }

    /// <summary>sklearn lower_bound_: mean log-likelihood of the last E-step.</summary>
    public required double LowerBound { get; init; }

    /// <summary>lower_bound_ after 1, 2, …, MaxIter iterations.</summary>
    public required double[] LowerBounds { get; init; }
    public required int NIter { get; init; }

    /// <summary>gm.score(X): mean log-likelihood under the fitted model.</summary>
    public required double Score { get; init; }

    /// <summary>gm.score_samples(X[:10]).</summary>
    public required double[] ScoreSamplesFirst10 { get; init; }

    public static SklearnFixture Load(string name)
    {
        string path = Path.Combine(Directory, name + ".json");
        return JsonSerializer.Deserialize<SklearnFixture>(File.ReadAllText(path), Options)
            ?? throw new InvalidDataException($"Fixture '{path}' is empty.");
    }

    /// <summary>The data as float32, shape (NSamples, NFeatures) row-major (exact).</summary>
    public float[] DataAsSingle() => Data.Select(v => (float)v).ToArray();

    public ReferenceParameters InitialParameters() => new(
        CovarianceType, NComponents, NFeatures, WeightsInit, MeansInit, CovariancesInit);

    public ReferenceParameters FittedParameters() => new(
        CovarianceType, NComponents, NFeatures, Weights, Means, Covariances);
}
