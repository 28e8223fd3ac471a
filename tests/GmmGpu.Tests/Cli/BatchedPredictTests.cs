using System.Text.Json;
using GmmGpu.Tests.Data;
using GmmGpu.Tests.Mixture;
using Xunit;

namespace GmmGpu.Tests.Cli;

/// <summary>
/// gmm predict and gmm score read the data a batch of 65536 rows at a time: the same labels
/// and scores as the model computes on the data in memory, and no partial file on a bad row.
/// </summary>
public class BatchedPredictTests
{
    private const int Rows = 65_536 + 1_000;

    [Fact]
    public void Predict_OverSeveralBatches_GivesTheLabelsOfTheDataInMemory()
    {
        using var files = new TestFiles();
        (float[] values, _) = Blobs.Create(Rows, seed: 31);
        string data = files.WriteNpy("data.npy", values, Rows, 2);
        string model = Fit(files, values);
        string labels = files.PathOf("labels.csv");

        ToolCommandTests.Ok(CliResult.Run("predict", model, data, "-o", labels, "--device", "cpu"));

        int[] expected = GaussianMixtureModel.Load(model).Predict(values);
        Assert.Equal(expected, ToolCommandTests.ReadColumn(labels));
    }

    [Fact]
    public void Score_OverSeveralBatches_SummarisesEveryRow()
    {
        using var files = new TestFiles();
        (float[] values, _) = Blobs.Create(Rows, seed: 32);
        string data = files.WriteNpy("data.npy", values, Rows, 2);
        string model = Fit(files, values);

        CliResult result = CliResult.Run("score", model, data, "--device", "cpu", "--json");

        ToolCommandTests.Ok(result);
        double[] scores = GaussianMixtureModel.Load(model).ScoreSamples(values);
        JsonElement json = result.Json();
        Assert.Equal(Rows, json.GetProperty("n_samples").GetInt64());
        Assert.Equal(scores.Average(), json.GetProperty("mean").GetDouble(), 1e-9);
        Assert.Equal(scores.Min(), json.GetProperty("min").GetDouble());
    }

    [Fact]
    public void Predict_ABadRowInALaterBatch_LeavesNoFile()
    {
        using var files = new TestFiles();
        (float[] values, _) = Blobs.Create(Rows, seed: 33);
        string model = Fit(files, values);
        values[(66_000 * 2) + 1] = float.NaN;
        string data = files.WriteNpy("data.npy", values, Rows, 2);
        string labels = files.PathOf("labels.npy");

        CliResult result = CliResult.Run("predict", model, data, "-o", labels, "--device", "cpu");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("row 66001, column 2", result.Stderr, StringComparison.Ordinal);
        Assert.Equal(["data.npy", "model.json"], Directory.GetFiles(files.Folder).Select(Path.GetFileName).Order());
    }

    private static string Fit(TestFiles files, float[] values)
    {
        using var mixture = new GaussianMixture(new GaussianMixtureOptions
        {
            Components = 3, Seed = 1, Device = ComputeDevice.Cpu, MaxIterations = 5,
        });
        string path = files.PathOf("model.json");
        mixture.Fit(values, 2, cancellationToken: TestContext.Current.CancellationToken).Save(path);
        return path;
    }
}
