using GmmGpu.Tests.Cli;
using Xunit;

namespace GmmGpu.Tests.Data;

/// <summary>The model file's optional "history": written by a fit, read back, drawn.</summary>
public class ModelFileHistoryTests
{
    [Fact]
    public void SaveLoad_FittedModel_KeepsItsHistory()
    {
        using var files = new TestFiles();
        GmmGpu.Data.LoadedData data =
            GmmGpu.Data.DataReader.Read(files.WriteBlobs("blobs.csv", rows: 600));
        using var mixture = new GaussianMixture(new GaussianMixtureOptions
        {
            Components = 3, Seed = 3, Device = ComputeDevice.Cpu, Tolerance = 0, MaxIterations = 6,
        });
        GaussianMixtureModel model = mixture.Fit(
            data.Values, data.Features, cancellationToken: TestContext.Current.CancellationToken);
        string path = files.PathOf("model.json");

        model.Save(path);
        GaussianMixtureModel loaded = GaussianMixtureModel.Load(path);

        Assert.Equal(6, model.History.Count);
        Assert.Equal(model.History.Select(r => r.Iteration), loaded.History.Select(r => r.Iteration));
        Assert.Equal(model.History.Select(r => r.LogLikelihood),
            loaded.History.Select(r => r.LogLikelihood));
        Assert.Equal(model.History.Select(r => r.Aic), loaded.History.Select(r => r.Aic));
        Assert.Equal(model.History.Select(r => r.Bic), loaded.History.Select(r => r.Bic));
        // The first change is not a number: null in the file, NaN back.
        Assert.False(double.IsFinite(loaded.History[0].Change));
        Assert.Equal(model.History[^1].Change, loaded.History[^1].Change);
    }

    [Fact]
    public void SaveLoad_NoHistory_WritesNoMemberAndLoadsNone()
    {
        using var files = new TestFiles();
        string path = files.PathOf("m.json");

        GaussianMixtureModel.FromParameters(ModelFileTests.Spherical()).Save(path);

        Assert.DoesNotContain("\"history\"", File.ReadAllText(path), StringComparison.Ordinal);
        Assert.Empty(GaussianMixtureModel.Load(path).History);
    }

    [Fact]
    public void Load_RaggedHistory_NamesTheFileAndTheColumn()
    {
        using var files = new TestFiles();
        string path = files.PathOf("m.json");
        GaussianMixtureModel.FromParameters(ModelFileTests.Spherical()).Save(path);
        string text = File.ReadAllText(path);
        File.WriteAllText(path, text[..^1] + ",\"history\":{\"iteration\":[1,2],"
            + "\"log_likelihood\":[-3,-2],\"change\":[null,1],\"aic\":[1,2],\"bic\":[1],"
            + "\"seconds\":[0,0]}}");

        var error = Assert.Throws<GmmGpu.Data.DataFormatException>(
            () => GaussianMixtureModel.Load(path));
        Assert.Contains("m.json", error.Message, StringComparison.Ordinal);
        Assert.Contains("history.bic", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Plot_Curves_FromAFittedModel_AndAClearErrorWithoutHistory()
    {
        using var files = new TestFiles();
        string data = files.WriteBlobs("blobs.csv");
        string fitted = files.PathOf("fitted.json"), bare = files.PathOf("bare.json");
        Assert.Equal(0, CliResult.Run("fit", data, "-k", "3", "--seed", "1", "--max-iter", "5",
            "-o", fitted, "--quiet").ExitCode);
        GaussianMixtureModel model = GaussianMixtureModel.Load(fitted);
        GaussianMixtureModel.FromParameters(model.Parameters).Save(bare);

        CliResult drawn = CliResult.Run(
            "plot", fitted, data, "--kind", "curves", "-o", files.PathOf("c.png"));
        CliResult refused = CliResult.Run(
            "plot", bare, data, "--kind", "curves", "-o", files.PathOf("d.png"));

        Assert.True(drawn.ExitCode == 0, drawn.Stderr);
        Assert.True(File.Exists(files.PathOf("c.png")));
        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("no fit history", refused.Stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(files.PathOf("d.png")));
    }
}
