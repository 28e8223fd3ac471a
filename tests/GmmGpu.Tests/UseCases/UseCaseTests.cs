using GmmGpu.Data;
using GmmGpu.Tests.Data;
using GmmGpu.Cli.Features;
using GmmGpu.UseCases;
using Xunit;

namespace GmmGpu.Tests.UseCases;

public class UseCaseTests
{
    [Fact]
    public void TableWriter_Npy_RoundTripsThroughDataReader()
    {
        using var files = new TestFiles();
        string path = files.PathOf("t.npy");
        float[] values = [1.5f, -2, 3, 4.25f, 5, 6];

        TableWriter.Write(path, values, ["a", "b", "c"], TestContext.Current.CancellationToken);

        LoadedData data = DataReader.Read(path);
        Assert.Equal(2, data.Rows);
        Assert.Equal(3, data.Features);
        Assert.Equal(values, data.Values.ToArray());
        Assert.Empty(Directory.EnumerateFiles(files.Folder, "*.tmp"));
    }

    [Fact]
    public void TableWriter_DisposedWithoutCommit_LeavesNoFile()
    {
        using var files = new TestFiles();
        string path = files.PathOf("t.csv");

        using (TableWriter writer = TableWriter.Create(path, 2, ["a"], TableElement.Float64))
        {
            writer.WriteRows([1.0], TestContext.Current.CancellationToken);
        }

        Assert.Empty(Directory.EnumerateFileSystemEntries(files.Folder));
    }

    [Fact]
    public void WriteProbabilities_MoreRowsThanOneBatch_MatchesPredictProba()
    {
        using var files = new TestFiles();
        int n = Prediction.BatchRows + 1000;
        SyntheticDataSet set = SyntheticData.Generate(n, 2, 3, seed: 4);
        string data = files.WriteNpy("d.npy", set.Data, n, 2), output = files.PathOf("p.npy");

        using (IRowSource rows = RowSources.Open(data))
        {
            Prediction.WriteProbabilities(
                set.TrueModel, rows, output, null, TestContext.Current.CancellationToken);
        }

        double[] expected = set.TrueModel.PredictProba(set.Data);
        byte[] bytes = File.ReadAllBytes(output);
        int header = bytes.Length - (expected.Length * sizeof(double));
        var actual = new double[expected.Length];
        Buffer.BlockCopy(bytes, header, actual, 0, bytes.Length - header);
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void Generate_ThenFit_RecoversTheTrueMeans()
    {
        SyntheticDataSet set = SyntheticData.Generate(20000, 3, 4, seed: 8);
        using var mixture = new GaussianMixture(new GaussianMixtureOptions
        {
            Components = 4, Seed = 1, Device = ComputeDevice.Cpu,
        });

        GaussianMixtureModel model =
            mixture.Fit(set.Data, 3, null, TestContext.Current.CancellationToken);

        foreach (ComponentMatch match in ComponentMatching.Match(set.TrueModel, model))
        {
            Assert.True(match.MeanDistance < 0.15, $"mean distance {match.MeanDistance}");
            Assert.True(Math.Abs(match.WeightDifference) < 0.02);
        }
    }

    [Fact]
    public void Anomalies_Contamination_ThresholdIsTheHighestAnomalyScore()
    {
        SyntheticDataSet set = SyntheticData.Generate(1000, 2, 2, seed: 1);

        AnomalyReport report = AnomalyDetection.Detect(set.TrueModel, set.Data, 2, 0.01, null);

        Assert.Equal(10, report.Rows.Count);
        Assert.Equal(report.Scores.Max(), report.Threshold);
        double[] scores = set.TrueModel.ScoreSamples(set.Data);
        Assert.Equal(10, scores.Count(s => s <= report.Threshold));
    }

    [Fact]
    public void Demo_Small_FitsFromUniformStartAndMatchesTruth()
    {
        DemoResult result = Demo.Run(
            50000, seed: 3, ComputeDevice.Cpu, null, TestContext.Current.CancellationToken);

        Assert.True(result.Model.Iterations > 2);
        Assert.All(result.Matches, m => Assert.True(m.MeanDistance < 0.2, $"{m}"));
    }
}
