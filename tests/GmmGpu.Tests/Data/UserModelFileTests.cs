using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using GmmGpu.Data;
using GmmGpu.Tests.Cli;
using Xunit;

namespace GmmGpu.Tests.Data;

/// <summary>
/// Model files as users write them: scikit-learn attribute dumps, only the defining keys,
/// covariances or their precision Cholesky factors, a byte-order mark, files that are not
/// model files at all.
/// </summary>
public class UserModelFileTests
{
    private static readonly string DumpFolder =
        Path.Combine(AppContext.BaseDirectory, "Fixtures", "sklearn-dumps");

    [Theory]
    [InlineData("full")]
    [InlineData("tied")]
    [InlineData("diag")]
    [InlineData("spherical")]
    public void Load_ScikitLearnAttributeDump_PredictsScikitLearnLabels(string type)
    {
        LoadedData data = DataReader.Read(Path.Combine(DumpFolder, "data.csv"));
        using var labels = JsonDocument.Parse(
            File.ReadAllText(Path.Combine(DumpFolder, "labels.json")));
        int[] expected = labels.RootElement.GetProperty(type).EnumerateArray()
            .Select(e => e.GetInt32()).ToArray();

        GaussianMixtureModel model =
            GaussianMixtureModel.Load(Path.Combine(DumpFolder, $"{type}.json"));

        Assert.Equal(expected, model.Predict(data.Values));
    }

    [Fact]
    public void Predict_ScikitLearnAttributeDump_WritesScikitLearnLabels()
    {
        using var files = new TestFiles();
        string output = files.PathOf("labels.csv");

        CliResult result = CliResult.Run(
            "predict", Path.Combine(DumpFolder, "full.json"),
            Path.Combine(DumpFolder, "data.csv"), "-o", output);

        Assert.Equal(0, result.ExitCode);
        using var labels = JsonDocument.Parse(
            File.ReadAllText(Path.Combine(DumpFolder, "labels.json")));
        string[] expected = labels.RootElement.GetProperty("full").EnumerateArray()
            .Select(e => e.GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture))
            .ToArray();
        Assert.Equal(expected, File.ReadAllLines(output).Skip(1));
    }

    [Theory]
    [InlineData(CovarianceType.Full)]
    [InlineData(CovarianceType.Tied)]
    [InlineData(CovarianceType.Diagonal)]
    [InlineData(CovarianceType.Spherical)]
    public void Load_OnlyPrecisionsCholesky_GivesTheCovariances(CovarianceType type)
    {
        using var files = new TestFiles();
        GaussianMixtureModel original = Fitted(files, type);
        string path = WriteEdited(files, original, json =>
        {
            json.Remove("covariances_");
            json.Remove("format");
            json.Remove("version");
            json.Remove("n_components");
            json.Remove("n_features");
            json.Remove("converged_");
            json.Remove("n_iter_");
            json.Remove("lower_bound_");
        });

        GaussianMixtureModel loaded = GaussianMixtureModel.Load(path);

        for (int i = 0; i < original.Covariances.Count; i++)
        {
            Assert.Equal(original.Covariances[i], loaded.Covariances[i], 1e-10);
        }

        Assert.False(loaded.Converged);
        Assert.True(double.IsNaN(loaded.LowerBound));
    }

    [Fact]
    public void Load_OnlyCovariances_Loads()
    {
        using var files = new TestFiles();
        GaussianMixtureModel original = Fitted(files, CovarianceType.Full);
        string path = WriteEdited(files, original, json => json.Remove("precisions_cholesky_"));

        GaussianMixtureModel loaded = GaussianMixtureModel.Load(path);

        Assert.Equal(original.PrecisionsCholesky, loaded.PrecisionsCholesky);
    }

    [Theory]
    [InlineData(CovarianceType.Full, "component 1")]
    [InlineData(CovarianceType.Tied, "the tied covariance")]
    [InlineData(CovarianceType.Diagonal, "component 0")]
    [InlineData(CovarianceType.Spherical, "component 0")]
    public void Load_ContradictoryPrecisionsCholesky_Throws(CovarianceType type, string where)
    {
        using var files = new TestFiles();
        GaussianMixtureModel original = Fitted(files, type);
        int block = type == CovarianceType.Full ? 4 : 0;
        string path = WriteEdited(files, original, json =>
        {
            JsonNode leaf = Leaves(json["precisions_cholesky_"]!)[block];
            leaf.ReplaceWith(leaf.GetValue<double>() * (1 + 1e-4));
        });

        var error = Assert.Throws<DataFormatException>(() => GaussianMixtureModel.Load(path));

        Assert.Contains("precisions_cholesky_ and covariances_ disagree for " + where,
            error.Message, StringComparison.Ordinal);
        Assert.Contains("m.json", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_NeitherCovariancesNorPrecisions_Throws()
    {
        using var files = new TestFiles();
        string path = WriteEdited(files, Fitted(files, CovarianceType.Diagonal), json =>
        {
            json.Remove("covariances_");
            json.Remove("precisions_cholesky_");
        });

        var error = Assert.Throws<DataFormatException>(() => GaussianMixtureModel.Load(path));

        Assert.Contains("neither covariances_ nor precisions_cholesky_", error.Message,
            StringComparison.Ordinal);
    }

    [Fact]
    public void Load_WeightsNotSummingToOne_SaysSoWithoutTheParameterName()
    {
        using var files = new TestFiles();
        string path = WriteEdited(files, Fitted(files, CovarianceType.Diagonal), json =>
        {
            var weights = json["weights_"]!.AsArray();
            weights[0] = weights[0]!.GetValue<double>() + 0.25;
        });

        var error = Assert.Throws<DataFormatException>(() => GaussianMixtureModel.Load(path));

        Assert.Contains("m.json holds an invalid model: weights sum to", error.Message,
            StringComparison.Ordinal);
        Assert.DoesNotContain("(Parameter", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("n_components", 4, "means_ has shape (3, 2); expected (4, 2)")]
    [InlineData("n_features", 3, "means_ has shape (3, 2); expected (3, 3)")]
    [InlineData("n_features_in_", 5, "n_features_in_ is 5 but the model has 2 features")]
    public void Load_CountsDisagreeWithArrays_Throws(string key, int value, string expected)
    {
        using var files = new TestFiles();
        string path = WriteEdited(
            files, Fitted(files, CovarianceType.Full), json => json[key] = value);

        var error = Assert.Throws<DataFormatException>(() => GaussianMixtureModel.Load(path));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_UnknownKeys_AreIgnored()
    {
        using var files = new TestFiles();
        GaussianMixtureModel original = Fitted(files, CovarianceType.Tied);
        string path = WriteEdited(files, original, json =>
        {
            json["notes"] = new JsonArray(1, 2, 3);
            json["precisions_"] = "whatever";
        });

        Assert.Equal(original.Means, GaussianMixtureModel.Load(path).Means);
    }

    [Fact]
    public void Load_Utf8ByteOrderMark_Loads()
    {
        using var files = new TestFiles();
        GaussianMixtureModel original = Fitted(files, CovarianceType.Spherical);
        string path = files.PathOf("m.json");
        original.Save(path);
        File.WriteAllBytes(path, [0xEF, 0xBB, 0xBF, .. File.ReadAllBytes(path)]);

        Assert.Equal(original.Means, GaussianMixtureModel.Load(path).Means);
    }

    [Fact]
    public void Load_FileOverTheBound_NamesTheFile()
    {
        using var files = new TestFiles();
        string path = files.PathOf("huge.json");
        using (FileStream stream = File.Create(path))
        {
            // Sparse: no disk is used.
            stream.SetLength((3L << 30) + 1);
        }

        var error = Assert.Throws<DataFormatException>(() => GaussianMixtureModel.Load(path));

        Assert.StartsWith(
            path + " is larger than 1024 MiB", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_SymlinkToDevZero_FailsAtOnce()
    {
        if (!File.Exists("/dev/zero"))
        {
            Assert.Skip("no /dev/zero on this system");
        }

        using var files = new TestFiles();
        string path = files.PathOf("zero.json");
        File.CreateSymbolicLink(path, "/dev/zero");

        var error = Assert.Throws<DataFormatException>(() => GaussianMixtureModel.Load(path));

        Assert.Contains("zero.json is not a model file", error.Message, StringComparison.Ordinal);
    }

    private static GaussianMixtureModel Fitted(TestFiles files, CovarianceType type)
    {
        LoadedData data = DataReader.Read(files.WriteBlobs("blobs.csv", rows: 300));
        using var mixture = new GaussianMixture(new GaussianMixtureOptions
        {
            Components = 3, CovarianceType = type, Seed = 3, Device = ComputeDevice.Cpu,
        });
        return mixture.Fit(
            data.Values, data.Features, cancellationToken: TestContext.Current.CancellationToken);
    }

    /// <summary>Saves <paramref name="model"/> as m.json, edited as a JSON object.</summary>
    private static string WriteEdited(
        TestFiles files, GaussianMixtureModel model, Action<JsonObject> edit)
    {
        string path = files.PathOf("m.json");
        model.Save(path);
        JsonObject json = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
        edit(json);
        File.WriteAllText(path, json.ToJsonString(), new UTF8Encoding(false));
        return path;
    }

    /// <summary>The numbers of a nested array in row-major order, as nodes to replace.</summary>
    private static List<JsonNode> Leaves(JsonNode node) => node is JsonArray array
        ? array.SelectMany(item => Leaves(item!)).ToList()
        : [node];
}
