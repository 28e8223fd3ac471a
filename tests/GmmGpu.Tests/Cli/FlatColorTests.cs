using System.Globalization;
using System.Text;
using GmmGpu.Tests.Data;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;
using Xunit;

namespace GmmGpu.Tests.Cli;

/// <summary>Flat-colour pictures (charts, cartoons): segment and select take --reg-covar.</summary>
public class FlatColorTests
{
    [Fact]
    public void Segment_FlatColorChart_WorksByDefaultAndTakesRegCovar()
    {
        using var files = new TestFiles();
        string image = files.PathOf("chart.png"), output = files.PathOf("out.png");
        WriteChart(image);

        CliResult tiny = CliResult.Run("segment", image, "-k", "4", "--seed", "0",
            "--reg-covar", "1e-6", "-o", output, "--device", "cpu", "--quiet");
        CliResult byDefault = CliResult.Run("segment", image, "-k", "4", "--seed", "0",
            "-o", output, "--device", "cpu", "--quiet");

        Assert.Equal(1, tiny.ExitCode);
        Assert.Contains("singular covariance", tiny.Stderr, StringComparison.Ordinal);
        Assert.Contains("--reg-covar", tiny.Stderr, StringComparison.Ordinal);
        ToolCommandTests.Ok(byDefault);
        Assert.True(File.Exists(output));
    }

    [Fact]
    public void Select_FailingCandidate_IsReportedAndTheSweepGoesOn()
    {
        using var files = new TestFiles();
        string data = WritePixels(files);

        CliResult table = CliResult.Run(
            "select", data, "--k", "2..6", "--seed", "0", "--device", "cpu", "--quiet");
        CliResult json = CliResult.Run(
            "select", data, "--k", "2..6", "--seed", "0", "--device", "cpu", "--json");
        CliResult regularised = CliResult.Run("select", data, "--k", "2..6", "--seed", "0",
            "--reg-covar", "0.01", "--device", "cpu", "--json");

        ToolCommandTests.Ok(table);
        Assert.Contains("failed: Component", table.Stdout, StringComparison.Ordinal);
        ToolCommandTests.Ok(json);
        var candidates = json.Json().GetProperty("candidates").EnumerateArray().ToArray();
        Assert.Equal(5, candidates.Length);
        Assert.Contains(candidates, c => c.TryGetProperty("error", out _));
        Assert.Contains(candidates, c => !c.TryGetProperty("error", out _));
        ToolCommandTests.Ok(regularised);
        Assert.DoesNotContain(regularised.Json().GetProperty("candidates").EnumerateArray(),
            c => c.TryGetProperty("error", out _));
    }

    [Fact]
    public void Select_KLargerThanN_SaysItWasSkipped()
    {
        using var files = new TestFiles();
        string data = files.WriteBlobs("blobs.csv", rows: 30);

        CliResult result = CliResult.Run(
            "select", data, "--k", "29..31", "--device", "cpu", "--max-iter", "2", "--quiet");

        ToolCommandTests.Ok(result);
        Assert.Contains("skipped: K=31 is more than the 30 points", result.Stdout,
            StringComparison.Ordinal);
        Assert.DoesNotContain("K=29 is more", result.Stdout, StringComparison.Ordinal);
    }

    /// <summary>A bar chart: white, three flat bars, a black axis, one anti-aliased edge.</summary>
    private static Rgb24[,] Chart()
    {
        var chart = new Rgb24[48, 64];
        for (int y = 0; y < 48; y++)
        {
            for (int x = 0; x < 64; x++)
            {
                chart[y, x] = y == 40 ? new Rgb24(0, 0, 0)
                    : y >= 10 && y < 40 && x == 15 ? new Rgb24(143, 187, 217)
                    : y >= 10 && y < 40 && x >= 5 && x < 15 ? new Rgb24(31, 119, 180)
                    : y >= 20 && y < 40 && x >= 25 && x < 35 ? new Rgb24(255, 127, 14)
                    : y >= 30 && y < 40 && x >= 45 && x < 55 ? new Rgb24(44, 160, 44)
                    : new Rgb24(255, 255, 255);
            }
        }

        return chart;
    }

    private static void WriteChart(string path)
    {
        Rgb24[,] chart = Chart();
        using var image = new Image<Rgb24>(chart.GetLength(1), chart.GetLength(0));
        for (int y = 0; y < image.Height; y++)
        {
            for (int x = 0; x < image.Width; x++)
            {
                image[x, y] = chart[y, x];
            }
        }

        image.SaveAsPng(path);
    }

    private static string WritePixels(TestFiles files)
    {
        var text = new StringBuilder("r,g,b\n");
        foreach (Rgb24 p in Chart())
        {
            text.Append(CultureInfo.InvariantCulture, $"{p.R},{p.G},{p.B}\n");
        }

        return files.WriteText("pixels.csv", text.ToString());
    }
}
