using System.Globalization;
using System.Text;
using System.Text.Json;
using GmmGpu.Tests.Cli;
using GmmGpu.Tests.Data;
using GmmGpu.Tests.Mixture;
using GmmGpu.Tests.Reference;
using Xunit;

namespace GmmGpu.Tests.Distributed;

/// <summary>
/// <c>mpiexec -n P gmm fit DATA --distributed mpi</c>: each rank reads its share of the rows,
/// the statistics are summed with MPI, and rank 0 reports the single-process model.
/// </summary>
public class DistributedFitTests
{
    private const int Rows = 9_000;

    [Theory]
    [InlineData(2, "blobs.npy")]
    [InlineData(3, "blobs.npy")]
    [InlineData(3, "blobs.csv")]
    public void Fit_OnRanks_GivesTheSingleProcessModel(int ranks, string name)
    {
        using var files = new TestFiles();
        string data = WriteBlobs(files, name);
        string[] fit =
        [
            "fit", data, "-k", "3", "--seed", "1", "--device", "cpu", "--tol", "0",
            "--max-iter", "12", "--json", "--quiet",
        ];
        CliResult single = CliResult.Run(fit);
        string model = files.PathOf("model.json");

        MpiJob job = MpiJob.UnderMpich(
            ranks, MpiJob.Gmm, [.. fit, "--distributed", "mpi", "-o", model]);

        Assert.True(job.ExitCode == 0, job.ToString());
        JsonElement expected = single.Json(), actual = JsonDocument.Parse(job.Stdout).RootElement;
        Assert.Equal(ranks, actual.GetProperty("n_processes").GetInt32());
        Assert.Equal(Rows, actual.GetProperty("n_samples").GetInt64());
        Assert.Equal(12, actual.GetProperty("n_iter").GetInt32());
        foreach (string value in new[] { "lower_bound", "score" })
        {
            NumericAssert.Close(
                expected.GetProperty(value).GetDouble(), actual.GetProperty(value).GetDouble(),
                1e-9, 0, value);
        }

        Assert.True(File.Exists(model), "rank 0 writes the model");
    }

    [Fact]
    public void Fit_ARankWhoseShareHasABadRow_FailsTheJobWithOneMessageNamingRankFileAndRow()
    {
        using var files = new TestFiles();
        string path = WriteBlobs(files, "blobs.csv");
        string[] lines = File.ReadAllLines(path);
        const int BadRow = 4_321; // 0-based data row: in the middle share of three.
        lines[BadRow + 1] = "1.5,abc";
        File.WriteAllLines(path, lines);
        string model = files.PathOf("model.json");

        MpiJob job = MpiJob.UnderMpich(
            3,
            MpiJob.Gmm,
            [
                "fit", path, "-k", "3", "--seed", "1", "--device", "cpu", "--distributed", "mpi",
                "-o", model,
            ]);

        CliResult single = CliResult.Run("fit", path, "-k", "3", "--device", "cpu");
        Assert.Equal(1, job.ExitCode);
        string[] errors = job.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Where(line => line.StartsWith("gmm:", StringComparison.Ordinal)).ToArray();
        string error = Assert.Single(errors);
        Assert.Equal(single.Stderr.Trim().Replace("gmm: error: ", "gmm: error: rank 1: "), error);
        Assert.Contains($"{path} row {BadRow + 2}, column \"y\": \"abc\"", error);
        Assert.False(File.Exists(model));
    }

    [Fact]
    public void Fit_WithoutALauncher_IsAJobOfOneRank()
    {
        using var files = new TestFiles();
        string data = WriteBlobs(files, "blobs.npy");

        MpiJob job = MpiJob.Run(
            MpiJob.Dotnet,
            [
                MpiJob.Gmm, "fit", data, "-k", "3", "--seed", "1", "--device", "cpu", "--json",
                "--quiet", "--distributed", "mpi",
            ]);

        Assert.True(job.ExitCode == 0, job.ToString());
        Assert.Equal(
            1, JsonDocument.Parse(job.Stdout).RootElement.GetProperty("n_processes").GetInt32());
    }

    internal static string WriteBlobs(TestFiles files, string name)
    {
        (float[] values, _) = Blobs.Create(Rows, seed: 17);
        if (name.EndsWith(".npy", StringComparison.Ordinal))
        {
            return files.WriteNpy(name, values, Rows, 2);
        }

        var text = new StringBuilder("x,y\n");
        for (int i = 0; i < Rows; i++)
        {
            text.Append(
                CultureInfo.InvariantCulture, $"{values[2 * i]:R},{values[(2 * i) + 1]:R}\n");
        }

        return files.WriteText(name, text.ToString());
    }
}
