using GmmGpu.Data;
using GmmGpu.Tests.Data;
using GmmGpu.UseCases;
using Xunit;

namespace GmmGpu.Tests.Cli;

/// <summary>
/// Sizes: one clear line before any work (exit 2 for a size no run could do, exit 1 for one
/// this machine cannot hold), and large outputs streamed in batches.
/// </summary>
public class SizeLimitTests
{
    [Theory]
    [InlineData("at most 1000 dimensions", "generate", "-n", "10", "--dim", "100000", "-k", "1")]
    [InlineData("at most 10000 components", "generate", "-n", "10", "--dim", "2", "-k", "1e7")]
    [InlineData("K·D³", "generate", "-n", "10", "--dim", "1000", "-k", "3")]
    [InlineData("at most 2147483647", "generate", "-n", "1e10", "--dim", "4", "-k", "2")]
    [InlineData("N·D is at most", "bench", "--n", "2147483647")]
    [InlineData("at most 1000 dimensions", "bench", "--dim", "100000")]
    public void ImpossibleSize_IsAUsageErrorBeforeAnyWork(string message, params string[] args)
    {
        using var files = new TestFiles();
        string output = files.PathOf("out.npy");

        CliResult result = CliResult.Run(
            args[0] == "generate" ? [.. args, "-o", output] : args);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(message, result.Stderr, StringComparison.Ordinal);
        Assert.Single(result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Empty(Directory.EnumerateFileSystemEntries(files.Folder));
    }

    [Fact]
    public void Sample_MoreThanTheDiskHolds_FailsBeforeWriting()
    {
        using var files = new TestFiles();
        string model = files.PathOf("wide.json"), output = files.PathOf("s.npy");
        int d = 1000;
        GaussianMixtureModel.FromParameters(new MixtureParameters(
            CovarianceType.Diagonal, 1, d, [1.0], new double[d], Enumerable.Repeat(1.0, d)
                .ToArray())).Save(model);

        CliResult result = CliResult.Run("sample", model, "-n", "2147483647", "-o", output);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("free; ask for fewer points", result.Stderr, StringComparison.Ordinal);
        Assert.Single(result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal([model], Directory.EnumerateFileSystemEntries(files.Folder));
    }

    [Fact]
    public void Sample_Streamed_EqualsTheLibrarysDraw()
    {
        using var files = new TestFiles();
        string model = files.PathOf("m.json"), output = files.PathOf("s.npy");
        SyntheticDataSet set = SyntheticData.Generate(10, 2, 3, seed: 5);
        set.TrueModel.Save(model);

        ToolCommandTests.Ok(CliResult.Run(
            "sample", model, "-n", "150000", "--seed", "9", "--labels", "-o", output));

        (float[] expected, int[] labels) = set.TrueModel.Sample(150_000, 9);
        LoadedData written = DataReader.Read(output);
        Assert.Equal(150_000, written.Rows);
        float[] rows = written.Values.ToArray();
        for (int i = 0; i < 150_000; i += 997)
        {
            Assert.Equal(expected[2 * i], rows[3 * i]);
            Assert.Equal(expected[(2 * i) + 1], rows[(3 * i) + 1]);
            Assert.Equal(labels[i], rows[(3 * i) + 2]);
        }
    }

    [Fact]
    public void Generate_Streamed_PointsFollowTheTrueModel()
    {
        using var files = new TestFiles();
        string data = files.PathOf("g.npy"), labels = files.PathOf("l.csv");
        string model = files.PathOf("m.json");

        ToolCommandTests.Ok(CliResult.Run("generate", "-n", "1.5e5", "--dim", "2", "-k", "3",
            "--seed", "4", "-o", data, "--labels", labels, "--model", model, "--quiet"));

        GaussianMixtureModel truth = GaussianMixtureModel.Load(model);
        float[] points = DataReader.Read(data).Values.ToArray();
        float[] components = DataReader.Read(labels).Values.ToArray();
        Assert.Equal(150_000, components.Length);
        for (int c = 0; c < 3; c++)
        {
            int[] rows = Enumerable.Range(0, components.Length)
                .Where(i => components[i] == c).ToArray();
            Assert.InRange(rows.Length / 150_000.0, truth.Weights[c] - 0.01,
                truth.Weights[c] + 0.01);
            for (int j = 0; j < 2; j++)
            {
                double mean = rows.Average(i => points[(2 * i) + j]);
                Assert.InRange(mean, truth.Means[(2 * c) + j] - 0.05,
                    truth.Means[(2 * c) + j] + 0.05);
            }
        }

        // Random order, not grouped: the first batch already holds every component.
        Assert.Equal(3, components.Take(1000).Distinct().Count());
    }
}
