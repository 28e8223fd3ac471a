using System.Globalization;
using System.Text.Json;
using GmmGpu.Tests.Data;
using GmmGpu.Tests.Mixture;
using Xunit;

namespace GmmGpu.Tests.Cli;

/// <summary>
/// Issue 12, item 6 in the commands other than fit: float64 data at 1e8 (two clusters 5 apart)
/// gives select and anomalies the answers the same data gives at 0, since the values are read
/// in float64 and shifted before they become float32 (spacing 8 at 1e8).
/// </summary>
public class FarDataCommandTests
{
    private const double Offset = 1e8;
    private const int N = 1000, D = 2;

    [Fact]
    public void Select_Float64NpyAt1e8_ChoosesAndScoresAsAtZero()
    {
        using var files = new TestFiles();
        (string far, string near) = WriteData(files);

        JsonElement atFar = Select(far);
        JsonElement atZero = Select(near);

        Assert.Equal(2, atZero.GetProperty("best_n_components").GetInt32());
        Assert.Equal(2, atFar.GetProperty("best_n_components").GetInt32());
        JsonElement[] farRows = [.. atFar.GetProperty("candidates").EnumerateArray()];
        JsonElement[] nearRows = [.. atZero.GetProperty("candidates").EnumerateArray()];
        Assert.Equal(nearRows.Length, farRows.Length);
        for (int i = 0; i < farRows.Length; i++)
        {
            // BIC is invariant under a shift of the data; 0.5 in ~7000 allows for the last
            // EM step of a tol = 1e-3 stop.
            double expected = nearRows[i].GetProperty("bic").GetDouble();
            double actual = farRows[i].GetProperty("bic").GetDouble();
            Assert.True(Math.Abs(expected - actual) < 0.5, $"K={i + 1}: BIC {actual} at 1e8, "
                + $"{expected} at 0");
        }
    }

    [Fact]
    public void Anomalies_Float64NpyAt1e8_ListsAndScoresAsAtZero()
    {
        using var files = new TestFiles();
        (string far, string near) = WriteData(files);
        string farModel = files.WriteText("far.json", ModelJson(Offset));
        string nearModel = files.WriteText("near.json", ModelJson(0));
        string farRows = files.PathOf("far-rows.csv"), nearRows = files.PathOf("near-rows.csv");

        CliResult atFar = CliResult.Run(
            "anomalies", farModel, far, "--contamination", "0.02", "-o", farRows, "--json");
        CliResult atZero = CliResult.Run(
            "anomalies", nearModel, near, "--contamination", "0.02", "-o", nearRows, "--json");

        Assert.True(atFar.ExitCode == 0, atFar.Stderr);
        Assert.True(atZero.ExitCode == 0, atZero.Stderr);
        Assert.Equal(
            atZero.Json().GetProperty("rows").EnumerateArray().Select(r => r.GetInt64()),
            atFar.Json().GetProperty("rows").EnumerateArray().Select(r => r.GetInt64()));
        double[][] expected = ReadCsv(nearRows), actual = ReadCsv(farRows);
        Assert.Equal(20, actual.Length);
        double[] data = OffsetAndScaleTests.Clusters(Offset, 1);
        for (int i = 0; i < actual.Length; i++)
        {
            Assert.Equal(expected[i][0], actual[i][0]);
            Assert.True(Math.Abs(expected[i][1] - actual[i][1]) < 1e-5,
                $"row {actual[i][0]}: log p {actual[i][1]} at 1e8, {expected[i][1]} at 0");
            // The features are written as the file holds them, in float64.
            long row = (long)actual[i][0];
            Assert.Equal(data[row * D], actual[i][2]);
            Assert.Equal(data[(row * D) + 1], actual[i][3]);
        }
    }

    private static JsonElement Select(string path)
    {
        CliResult result = CliResult.Run(
            "select", path, "--k", "1..3", "--max-iter", "300", "--json");
        Assert.True(result.ExitCode == 0, result.Stderr);
        return result.Json();
    }

    /// <summary>The clusters at 1e8 and the same clusters less 1e8, as float64 .npy.</summary>
    private static (string Far, string Near) WriteData(TestFiles files)
    {
        double[] far = OffsetAndScaleTests.Clusters(Offset, 1);
        double[] near = [.. far.Select(v => v - Offset)];
        return (files.WriteNpy("far.npy", far, N, D), files.WriteNpy("near.npy", near, N, D));
    }

    /// <summary>The two clusters' mixture in scikit-learn's attribute names, at the offset.</summary>
    internal static string ModelJson(double offset)
    {
        string Text(double value) => value.ToString("R", CultureInfo.InvariantCulture);
        string a = Text(offset), b = Text(offset + 5);
        return $$"""
            {"covariance_type": "full", "weights_": [0.5, 0.5],
             "means_": [[{{a}}, {{a}}], [{{b}}, {{b}}]],
             "covariances_": [[[1.0, 0.1], [0.1, 1.0]], [[1.2, 0.0], [0.0, 0.9]]]}
            """;
    }

    private static double[][] ReadCsv(string path) =>
    [
        .. File.ReadLines(path).Skip(1).Select(line => line.Split(',')
            .Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray()),
    ];
}
