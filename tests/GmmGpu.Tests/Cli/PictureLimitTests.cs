using System.Globalization;
using System.Text;
using GmmGpu.Tests.Data;
using Xunit;

namespace GmmGpu.Tests.Cli;

/// <summary>
/// Issue 12, item 22 leftovers: a picture of a huge model is refused at once with one line
/// (it ran for minutes and tens of GB), bench says how far it has got, and the zoomed-in
/// points view draws a seeded random sample.
/// </summary>
public class PictureLimitTests
{
    [Fact]
    public void Plot_ModelOfTooManyComponents_OneLineExitOne()
    {
        using var files = new TestFiles();
        string model = files.WriteText("huge.json", DiagonalModel(1001));
        string data = files.WriteBlobs("blobs.csv", rows: 300);

        CliResult result = CliResult.Run("plot", model, data, "-o", files.PathOf("a.png"));

        Assert.Equal(1, result.ExitCode);
        Assert.Single(result.Stderr.Trim().Split('\n'));
        Assert.Contains("at most 1000 components", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("1001", result.Stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(files.PathOf("a.png")));
    }

    [Fact]
    public void Plot_ModelAtTheLimit_IsDrawn()
    {
        using var files = new TestFiles();
        string model = files.WriteText("big.json", DiagonalModel(1000));
        string data = files.WriteBlobs("blobs.csv", rows: 300);

        CliResult result = CliResult.Run(
            "plot", model, data, "-o", files.PathOf("a.png"), "--size", "320x240");

        Assert.True(result.ExitCode == 0, result.Stderr);
    }

    [Fact]
    public void Fit_TooManyComponentsWithExport_UsageErrorBeforeFitting()
    {
        using var files = new TestFiles();
        string data = files.WriteBlobs("blobs.csv", rows: 3000);

        CliResult result = CliResult.Run(
            "fit", data, "-k", "1001", "--export", files.PathOf("fit.gif"));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("at most 1000 components", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Bench_ReportsEachPassOnStderr_QuietDoesNot()
    {
        string[] args = ["bench", "--n", "2000", "--device", "cpu", "--iterations", "2"];

        CliResult loud = CliResult.Run(args);
        CliResult quiet = CliResult.Run([.. args, "--quiet"]);

        Assert.True(loud.ExitCode == 0, loud.Stderr);
        Assert.Contains("bench: drawing 2000 points", loud.Stderr, StringComparison.Ordinal);
        Assert.Contains("bench: cpu: pass 2 of 2", loud.Stderr, StringComparison.Ordinal);
        Assert.Equal(0, quiet.ExitCode);
        Assert.Equal("", quiet.Stderr);
    }

    [Fact]
    public void Plot_Window_SameSeedSamePictureOtherSeedOtherSample()
    {
        using var files = new TestFiles();
        // More rows than the 100,000 a zoomed-in view draws, so the seed picks which.
        var random = new Random(3);
        var values = new float[2 * 150_000];
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = (float)(random.NextDouble() * 10);
        }

        string data = files.WriteNpy("u.npy", values, 150_000, 2);
        string model = files.WriteText("m.json", DiagonalModel(1));
        string Draw(string name, string seed)
        {
            string png = files.PathOf(name);
            CliResult result = CliResult.Run("plot", model, data, "--kind", "points",
                "--window", "4,5,4,5", "--seed", seed, "-o", png, "--size", "320x240");
            Assert.True(result.ExitCode == 0, result.Stderr);
            return Convert.ToHexString(File.ReadAllBytes(png));
        }

        string first = Draw("a.png", "1"), again = Draw("b.png", "1"), other = Draw("c.png", "2");

        Assert.Equal(first, again);
        Assert.NotEqual(first, other);
    }

    /// <summary>K unit diagonal components spread over [0, 10]².</summary>
    private static string DiagonalModel(int k)
    {
        var text = new StringBuilder("{\"covariance_type\": \"diag\", \"weights_\": [");
        string weight = (1.0 / k).ToString("R", CultureInfo.InvariantCulture);
        text.AppendJoin(", ", Enumerable.Repeat(weight, k));
        text.Append("], \"means_\": [");
        text.AppendJoin(", ", Enumerable.Range(0, k).Select(c => string.Create(
            CultureInfo.InvariantCulture, $"[{c % 10}, {c / 10 % 10}]")));
        text.Append("], \"covariances_\": [");
        text.AppendJoin(", ", Enumerable.Repeat("[1.0, 1.0]", k));
        return text.Append("]}").ToString();
    }
}
