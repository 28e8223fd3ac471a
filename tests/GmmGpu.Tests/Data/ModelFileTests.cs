using GmmGpu.Data;
using Xunit;

namespace GmmGpu.Tests.Data;

public class ModelFileTests
{
    [Theory]
    [InlineData(CovarianceType.Full)]
    [InlineData(CovarianceType.Tied)]
    [InlineData(CovarianceType.Diagonal)]
    [InlineData(CovarianceType.Spherical)]
    public void SaveLoad_FittedModel_RoundTripsExactly(CovarianceType type)
    {
        using var files = new TestFiles();
        LoadedData data = DataReader.Read(files.WriteBlobs("blobs.csv", rows: 600));
        using var mixture = new GaussianMixture(new GaussianMixtureOptions
        {
            Components = 3, CovarianceType = type, Seed = 3, Device = ComputeDevice.Cpu,
        });
        GaussianMixtureModel model = mixture.Fit(
            data.Values, data.Features, cancellationToken: TestContext.Current.CancellationToken);
        string path = files.PathOf("model.json");

        model.Save(path);
        GaussianMixtureModel loaded = GaussianMixtureModel.Load(path);

        Assert.Equal(model.CovarianceType, loaded.CovarianceType);
        Assert.Equal(model.Weights, loaded.Weights);
        Assert.Equal(model.Means, loaded.Means);
        Assert.Equal(model.Covariances, loaded.Covariances);
        Assert.Equal(model.PrecisionsCholesky, loaded.PrecisionsCholesky);
        Assert.Equal(model.Converged, loaded.Converged);
        Assert.Equal(model.Iterations, loaded.Iterations);
        Assert.Equal(model.LowerBound, loaded.LowerBound);
        Assert.Equal([Path.GetFileName(path)], Directory.GetFiles(files.Folder, "*.json*")
            .Select(Path.GetFileName));
    }

    [Fact]
    public void Save_UnknownLowerBound_WritesNullAndReadsNaN()
    {
        using var files = new TestFiles();
        GaussianMixtureModel model = GaussianMixtureModel.FromParameters(Spherical());
        string path = files.PathOf("m.json");

        model.Save(path);

        Assert.Contains("\"lower_bound_\":null", File.ReadAllText(path), StringComparison.Ordinal);
        Assert.True(double.IsNaN(GaussianMixtureModel.Load(path).LowerBound));
    }

    [Fact]
    public void Save_MissingFolder_ThrowsAndWritesNothing()
    {
        using var files = new TestFiles();
        GaussianMixtureModel model = GaussianMixtureModel.FromParameters(Spherical());

        Assert.Throws<DirectoryNotFoundException>(() => model.Save(files.PathOf("no/m.json")));
        Assert.False(Directory.Exists(files.PathOf("no")));
    }

    [Theory]
    [InlineData("\"means_\":[[0,0],[1,1]]", "means_ has shape (2, 2); expected (2, 3)")]
    [InlineData("\"means_\":[[0,0,0],[1,1]]", "means_ is ragged")]
    [InlineData("\"covariances_\":[1,-1]", "not positive definite")]
    [InlineData("\"covariances_\":[1]", "covariances_ has shape (1,); expected (2,)")]
    [InlineData("\"format\":\"other\"", "\"format\" is \"other\"")]
    [InlineData("\"version\":2", "version 2 is not supported")]
    [InlineData("\"covariance_type\":\"banana\"", "unknown covariance_type \"banana\"")]
    [InlineData("\"weights_\":[0.2,0.2]", "weights sum to 0.4")]
    public void Load_InvalidModel_NamesFileAndProblem(string replacement, string expected)
    {
        using var files = new TestFiles();
        string path = files.PathOf("m.json");
        GaussianMixtureModel.FromParameters(Spherical()).Save(path);
        string key = replacement[..(replacement.IndexOf(':', StringComparison.Ordinal) + 1)];
        string json = File.ReadAllText(path);
        int start = json.IndexOf(key, StringComparison.Ordinal);
        int end = FindValueEnd(json, start + key.Length);
        File.WriteAllText(path, json[..start] + replacement + json[end..]);

        var error = Assert.Throws<DataFormatException>(() => GaussianMixtureModel.Load(path));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.Contains("m.json", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_NotJson_Throws()
    {
        using var files = new TestFiles();
        string path = files.WriteText("m.json", "{ nope");

        var error = Assert.Throws<DataFormatException>(() => GaussianMixtureModel.Load(path));

        Assert.Contains("m.json is not valid JSON", error.Message, StringComparison.Ordinal);
    }

    /// <summary>Two spherical components in 3-D.</summary>
    internal static MixtureParameters Spherical() =>
        new(CovarianceType.Spherical, 2, 3, [0.25, 0.75], [0, 0, 0, 1, 1, 1], [0.5, 2]);

    private static int FindValueEnd(string json, int start)
    {
        int depth = 0;
        for (int i = start; i < json.Length; i++)
        {
            char c = json[i];
            depth += c == '[' ? 1 : c == ']' ? -1 : 0;
            if (depth == 0 && (c == ',' || c == '}'))
            {
                return i;
            }
        }

        return json.Length;
    }
}
