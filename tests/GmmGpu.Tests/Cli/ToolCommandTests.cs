using System.Globalization;
using GmmGpu.Tests.Data;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;
using Xunit;

namespace GmmGpu.Tests.Cli;

public class ToolCommandTests
{
    [Fact]
    public void GenerateFitPredict_WellSeparated_LabelsAgreeWithTruth()
    {
        using var files = new TestFiles();
        string data = files.PathOf("data.npy"), truth = files.PathOf("true.json");
        string trueLabels = files.PathOf("true.csv"), model = files.PathOf("model.json");
        string labels = files.PathOf("labels.csv");
        Ok(CliResult.Run("generate", "-n", "3000", "--dim", "2", "--components", "4",
            "--seed", "5", "-o", data, "--model", truth, "--labels", trueLabels, "--quiet"));
        Ok(CliResult.Run("fit", data, "-k", "4", "--seed", "1", "--device", "cpu", "-o", model,
            "--quiet"));
        CliResult predict = CliResult.Run("predict", model, data, "-o", labels, "--device", "cpu");
        Ok(predict);

        double agreement = Agreement(ReadColumn(trueLabels), ReadColumn(labels), 4);

        Assert.True(agreement >= 0.99, $"agreement {agreement}");
        var matches = GmmGpu.UseCases.ComponentMatching.Match(
            GaussianMixtureModel.Load(truth), GaussianMixtureModel.Load(model));
        Assert.All(matches, m => Assert.True(m.MeanDistance < 0.3, $"{m}"));
    }

    [Fact]
    public void PredictProba_WritesRowsThatSumToOne()
    {
        using var files = new TestFiles();
        string data = files.WriteBlobs("blobs.csv", rows: 300);
        string model = files.PathOf("m.json"), proba = files.PathOf("p.csv");
        Ok(CliResult.Run("fit", data, "-k", "3", "--seed", "1", "-o", model, "--quiet"));

        Ok(CliResult.Run("predict", model, data, "--proba", "-o", proba, "--device", "cpu"));

        string[] lines = File.ReadAllLines(proba);
        Assert.Equal("p0,p1,p2", lines[0]);
        Assert.Equal(301, lines.Length);
        foreach (string line in lines.Skip(1))
        {
            double sum = line.Split(',').Sum(v => double.Parse(v, CultureInfo.InvariantCulture));
            Assert.Equal(1, sum, 1e-9);
        }
    }

    [Fact]
    public void Select_WellSeparatedBlobs_PicksTrueK()
    {
        using var files = new TestFiles();
        string data = files.WriteBlobs("blobs.csv", rows: 1500);
        string best = files.PathOf("best.json");

        CliResult result = CliResult.Run(
            "select", data, "--k", "1..6", "--seed", "1", "--device", "cpu", "-o", best, "--json");

        Ok(result);
        Assert.Equal(3, result.Json().GetProperty("best_n_components").GetInt32());
        Assert.Equal(6, result.Json().GetProperty("candidates").GetArrayLength());
        Assert.Equal(3, GaussianMixtureModel.Load(best).Components);
    }

    [Fact]
    public void Anomalies_InjectedFarPoints_AreFound()
    {
        using var files = new TestFiles();
        string clean = files.WriteBlobs("clean.csv", rows: 1000);
        string model = files.PathOf("m.json"), rows = files.PathOf("rows.csv");
        Ok(CliResult.Run("fit", clean, "-k", "3", "--seed", "1", "-o", model, "--quiet"));
        string text = File.ReadAllText(clean);
        var far = new[] { 100, 400, 777, 900, 999 };
        string[] lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        foreach (int row in far)
        {
            lines[row + 1] = $"{60 + row % 7},-{50 + row % 5}";
        }

        string data = files.WriteText("data.csv", string.Join('\n', lines) + "\n");

        CliResult result = CliResult.Run(
            "anomalies", model, data, "--contamination", "0.005", "-o", rows, "--json");

        Ok(result);
        long[] found = result.Json().GetProperty("rows").EnumerateArray()
            .Select(r => r.GetInt64()).Order().ToArray();
        Assert.Equal(far.Select(r => (long)r), found);
        Assert.Equal(6, File.ReadAllLines(rows).Length);
        Assert.StartsWith(
            "row,log_likelihood,x,y", File.ReadAllText(rows), StringComparison.Ordinal);
    }

    [Fact]
    public void Anomalies_Threshold_PrintsIt()
    {
        using var files = new TestFiles();
        string data = files.WriteBlobs("blobs.csv", rows: 300);
        string model = files.PathOf("m.json");
        Ok(CliResult.Run("fit", data, "-k", "3", "--seed", "1", "-o", model, "--quiet"));

        CliResult result = CliResult.Run("anomalies", model, data, "--threshold", "-8");

        Ok(result);
        Assert.Contains("threshold         -8", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void SampleThenFit_RecoversTheModel()
    {
        using var files = new TestFiles();
        string data = files.WriteBlobs("blobs.csv", rows: 600);
        string model = files.PathOf("m.json"), samples = files.PathOf("s.npy");
        string refit = files.PathOf("r.json");
        Ok(CliResult.Run("fit", data, "-k", "3", "--seed", "1", "-o", model, "--quiet"));

        Ok(CliResult.Run("sample", model, "-n", "20000", "--seed", "2", "-o", samples));
        Ok(CliResult.Run("fit", samples, "-k", "3", "--seed", "3", "-o", refit, "--quiet"));

        GaussianMixtureModel first = GaussianMixtureModel.Load(model);
        GaussianMixtureModel second = GaussianMixtureModel.Load(refit);
        foreach (var match in GmmGpu.UseCases.ComponentMatching.Match(first, second))
        {
            Assert.True(match.MeanDistance < 0.1, $"mean distance {match.MeanDistance}");
            Assert.True(Math.Abs(match.WeightDifference) < 0.02);
        }
    }

    [Fact]
    public void Sample_Labels_AddsLabelColumn()
    {
        using var files = new TestFiles();
        string data = files.WriteBlobs("blobs.csv", rows: 300);
        string model = files.PathOf("m.json"), samples = files.PathOf("s.csv");
        Ok(CliResult.Run("fit", data, "-k", "3", "--seed", "1", "-o", model, "--quiet"));

        Ok(CliResult.Run("sample", model, "-n", "50", "-o", samples, "--labels"));

        string[] lines = File.ReadAllLines(samples);
        Assert.Equal("x0,x1,label", lines[0]);
        Assert.Equal(51, lines.Length);
    }

    [Fact]
    public void Score_WritesOneLogLikelihoodPerPoint()
    {
        using var files = new TestFiles();
        string data = files.WriteBlobs("blobs.csv", rows: 300);
        string model = files.PathOf("m.json"), scores = files.PathOf("s.csv");
        Ok(CliResult.Run("fit", data, "-k", "3", "--seed", "1", "-o", model, "--quiet"));

        CliResult result = CliResult.Run("score", model, data, "-o", scores, "--json");

        Ok(result);
        Assert.Equal(301, File.ReadAllLines(scores).Length);
        Assert.True(result.Json().GetProperty("mean").GetDouble() < 0);
    }

    [Fact]
    public void Segment_FlatRegionsWithNoise_RecoversRegions()
    {
        using var files = new TestFiles();
        string image = files.PathOf("in.png"), output = files.PathOf("out.png");
        string labels = files.PathOf("labels.csv");
        int[] truth = WriteRegionsImage(image, 64, 48);

        CliResult result = CliResult.Run("segment", image, "-k", "3", "--seed", "1", "-o", output,
            "--labels", labels, "--device", "cpu", "--quiet");

        Ok(result);
        double agreement = Agreement(truth, ReadColumn(labels), 3);
        Assert.True(agreement >= 0.98, $"agreement {agreement}");
        using var segmented = Image.Load<Rgb24>(output);
        Assert.Equal(64, segmented.Width);
    }

    [Fact]
    public void Segment_LabWithXy_Runs()
    {
        using var files = new TestFiles();
        string image = files.PathOf("in.png"), output = files.PathOf("out.jpg");
        WriteRegionsImage(image, 32, 24);

        Ok(CliResult.Run("segment", image, "-k", "3", "--space", "lab", "--with-xy", "-o", output,
            "--quiet"));

        Assert.True(File.Exists(output));
    }

    [Fact]
    public void Devices_ListsCpuAndMarksDefault()
    {
        CliResult result = CliResult.Run("devices", "--json");

        Ok(result);
        var devices = result.Json().GetProperty("devices").EnumerateArray().ToArray();
        Assert.Contains(devices, d => d.GetProperty("backend").GetString() == "cpu");
        Assert.Single(devices, d => d.GetProperty("default").GetBoolean());
    }

    [Fact]
    public void Bench_Cpu_PrintsARow()
    {
        CliResult result = CliResult.Run(
            "bench", "--n", "20000", "--device", "cpu", "--iterations", "2");

        Ok(result);
        Assert.Contains("cpu", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("1.00x", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Demo_Small_MatchesTruthAndWritesModels()
    {
        using var files = new TestFiles();

        CliResult result = CliResult.Run(
            "demo", "--n", "100000", "--out", files.Folder, "--device", "cpu");

        Ok(result);
        Assert.Contains("iter    1  loglik", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("mean distance", result.Stdout, StringComparison.Ordinal);
        Assert.True(File.Exists(files.PathOf("demo-model.json")));
        Assert.True(File.Exists(files.PathOf("demo-true.json")));
    }

    [Theory]
    [InlineData("fit")]
    [InlineData("plot")]
    [InlineData("predict")]
    [InlineData("score")]
    [InlineData("anomalies")]
    [InlineData("sample")]
    [InlineData("generate")]
    [InlineData("select")]
    [InlineData("segment")]
    [InlineData("devices")]
    [InlineData("demo")]
    [InlineData("bench")]
    public void Help_EveryCommand_HasUsageAndExample(string command)
    {
        CliResult result = CliResult.Run(command, "--help");

        Ok(result);
        Assert.Contains("Usage:", result.Stdout, StringComparison.Ordinal);
        Assert.Contains($" {command} ", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("Examples:", result.Stdout, StringComparison.Ordinal);
        Assert.Contains($"  gmm {command}", result.Stdout, StringComparison.Ordinal);
    }

    internal static void Ok(CliResult result) =>
        Assert.True(result.ExitCode == 0, $"exit {result.ExitCode}: {result.Stderr}");

    internal static int[] ReadColumn(string csv) =>
        File.ReadAllLines(csv).Skip(1)
            .Select(l => (int)double.Parse(l, CultureInfo.InvariantCulture)).ToArray();

    /// <summary>Fraction of labels equal to the truth under the majority mapping.</summary>
    internal static double Agreement(int[] truth, int[] labels, int k)
    {
        Assert.Equal(truth.Length, labels.Length);
        var counts = new int[k, k];
        for (int i = 0; i < truth.Length; i++)
        {
            counts[labels[i], truth[i]]++;
        }

        int agree = 0;
        var used = new bool[k];
        for (int l = 0; l < k; l++)
        {
            int best = 0;
            for (int t = 1; t < k; t++)
            {
                best = counts[l, t] > counts[l, best] ? t : best;
            }

            Assert.False(used[best], "two labels map to one true region");
            used[best] = true;
            agree += counts[l, best];
        }

        return (double)agree / truth.Length;
    }

    /// <summary>Three flat colour regions plus noise, as PNG or JPEG by the extension of
    /// <paramref name="path"/>; returns each pixel's region.</summary>
    internal static int[] WriteRegionsImage(string path, int width, int height)
    {
        var random = new Random(3);
        Rgb24[] colours = [new(200, 40, 40), new(30, 160, 60), new(40, 60, 210)];
        var truth = new int[width * height];
        using var image = new Image<Rgb24>(width, height);
        for (int y = 0; y < height; y++)
        {
            for (int x = 0; x < width; x++)
            {
                int region = x < width / 3 ? 0 : y < height / 2 ? 1 : 2;
                truth[(y * width) + x] = region;
                Rgb24 c = colours[region];
                image[x, y] = new Rgb24(Noisy(c.R, random), Noisy(c.G, random), Noisy(c.B, random));
            }
        }

        image.Save(path); // PNG or JPEG by the extension
        return truth;
    }

    private static byte Noisy(byte value, Random random) =>
        (byte)Math.Clamp(value + random.Next(-12, 13), 0, 255);
}
