using GmmGpu.Tests.Data;
using Parquet;
using Parquet.Schema;
using Xunit;

namespace GmmGpu.Tests.Cli;

public class ToolBadInputTests
{
    [Fact]
    public void Predict_MissingDataFile_FailsWithOneLine()
    {
        using var files = new TestFiles();
        string model = FitModel(files), output = files.PathOf("labels.csv");

        CliResult result = CliResult.Run("predict", model, files.PathOf("none.npy"), "-o", output);

        AssertFailed(result, 1, "does not exist", output);
    }

    [Fact]
    public void Score_CorruptNpy_FailsWithOneLine()
    {
        using var files = new TestFiles();
        string model = FitModel(files), output = files.PathOf("scores.npy");
        string data = files.WriteText("bad.npy", "this is not numpy");

        AssertFailed(CliResult.Run("score", model, data, "-o", output), 1, "bad.npy", output);
    }

    [Fact]
    public void Predict_WrongDtype_FailsWithOneLine()
    {
        using var files = new TestFiles();
        string model = FitModel(files), output = files.PathOf("labels.npy");
        string data = files.WriteNpy("int.npy", "<i8", "(2, 2)", new byte[32]);

        AssertFailed(CliResult.Run("predict", model, data, "-o", output), 1, "int.npy", output);
    }

    [Fact]
    public void Predict_EmptyData_FailsWithOneLine()
    {
        using var files = new TestFiles();
        string model = FitModel(files), output = files.PathOf("labels.csv");
        string data = files.WriteText("empty.csv", "");

        AssertFailed(CliResult.Run("predict", model, data, "-o", output), 1, "empty", output);
    }

    [Fact]
    public void Anomalies_NaNValue_FailsWithOneLine()
    {
        using var files = new TestFiles();
        string model = FitModel(files), output = files.PathOf("rows.csv");
        string data = files.WriteText("nan.csv", "x,y\n1,2\nnan,3\n");

        CliResult result = CliResult.Run(
            "anomalies", model, data, "--contamination", "0.1", "-o", output);

        AssertFailed(result, 1, "not", output);
    }

    [Fact]
    public void Score_InfValue_FailsWithOneLine()
    {
        using var files = new TestFiles();
        string model = FitModel(files), output = files.PathOf("s.csv");
        string data = files.WriteText("inf.csv", "x,y\n1,2\n3,inf\n");

        AssertFailed(CliResult.Run("score", model, data, "-o", output), 1, "not finite", output);
    }

    [Fact]
    public void Predict_NonNumericField_NamesRowAndColumn()
    {
        using var files = new TestFiles();
        string model = FitModel(files), output = files.PathOf("labels.csv");
        string data = files.WriteText("text.csv", "x,y\n1,2\n3,abc\n");

        CliResult result = CliResult.Run("predict", model, data, "-o", output);

        AssertFailed(result, 1, "row 3, column \"y\": \"abc\" is not a number", output);
    }

    [Fact]
    public void Predict_UnknownColumn_FailsWithOneLine()
    {
        using var files = new TestFiles();
        string model = FitModel(files), output = files.PathOf("labels.csv");
        string data = files.WriteBlobs("blobs.csv", rows: 30);

        CliResult result = CliResult.Run("predict", model, data, "--columns", "x,z", "-o", output);

        AssertFailed(result, 1, "unknown column \"z\"", output);
    }

    [Theory]
    [InlineData("predict", "labels.csv")]
    [InlineData("score", "scores.csv")]
    [InlineData("plot", "picture.png")]
    public void ModelDataWidthMismatch_NamesBothFilesAndTheColumns(string command, string name)
    {
        using var files = new TestFiles();
        string model = FitModel(files), output = files.PathOf(name);
        string data = files.WriteText("three.csv", "a,b,c\n1,2,3\n4,5,6\n");

        CliResult result = CliResult.Run(command, model, data, "-o", output);

        AssertFailed(result, 1, $"{data} has 3 features (a, b, c) but the model {model} was "
            + "fitted on 2; choose 2 with --columns.", output);
    }

    [Fact]
    public void Fit_KLargerThanPoints_FailsWithOneLine()
    {
        using var files = new TestFiles();
        string data = files.WriteText("few.csv", "x,y\n1,2\n3,4\n");
        string output = files.PathOf("m.json");

        CliResult result = CliResult.Run("fit", data, "-k", "5", "-o", output);

        AssertFailed(result, 1, "2 points but 5 components", output);
    }

    [Fact]
    public void Segment_KLargerThanPixels_FailsWithOneLine()
    {
        using var files = new TestFiles();
        string image = files.PathOf("tiny.png"), output = files.PathOf("out.png");
        using (var tiny = new SixLabors.ImageSharp.Image<SixLabors.ImageSharp.PixelFormats.Rgb24>(
            2, 2))
        {
            SixLabors.ImageSharp.ImageExtensions.SaveAsPng(tiny, image);
        }

        CliResult result = CliResult.Run("segment", image, "-k", "5", "-o", output);

        AssertFailed(result, 1, "4 points but 5 components", output);
    }

    [Fact]
    public void Segment_NotAnImage_FailsWithOneLine()
    {
        using var files = new TestFiles();
        string image = files.WriteText("fake.png", "not a picture");
        string output = files.PathOf("out.png");

        CliResult result = CliResult.Run("segment", image, "-k", "2", "-o", output);

        AssertFailed(result, 1, "is not a PNG or JPEG image", output);
    }

    [Fact]
    public void Predict_OutputInMissingFolder_FailsWithOneLine()
    {
        using var files = new TestFiles();
        string model = FitModel(files), data = files.WriteBlobs("blobs.csv", rows: 30);
        string output = Path.Combine(files.Folder, "missing", "labels.csv");

        CliResult result = CliResult.Run("predict", model, data, "-o", output);

        AssertFailed(result, 1, "does not exist", output);
    }

    [Theory]
    [InlineData("predict", "m.json", "d.csv", "--bogus")]
    [InlineData("generate", "-n", "10", "--dim", "2", "--bogus")]
    [InlineData("select", "d.csv", "--k", "x..y")]
    [InlineData("anomalies", "m.json", "d.csv")]
    [InlineData("predict", "m.json", "d.csv", "-o", "labels.png")]
    [InlineData("segment", "in.png", "-k", "2", "-o", "out.bmp")]
    public void UsageErrors_ExitTwo(params string[] args)
    {
        CliResult result = CliResult.Run(args);

        AssertFailed(result, 2, $"(see gmm {args[0]} --help)", null);
    }

    [Fact]
    public async Task Fit_Parquet_ReadsSelectedNumericColumns()
    {
        using var files = new TestFiles();
        string path = files.PathOf("blobs.parquet");
        var random = new Random(1);
        double[] x = new double[600], y = new double[600];
        string[] name = new string[600];
        for (int i = 0; i < x.Length; i++)
        {
            x[i] = (i % 3 * 10) + random.NextDouble();
            y[i] = (i % 3 * -10) + random.NextDouble();
            name[i] = "p";
        }

        await WriteParquet(path, x, y, name);

        CliResult result = CliResult.Run(
            "fit", path, "-k", "3", "--columns", "x,y", "--seed", "1", "--json");
        CliResult text = CliResult.Run("fit", path, "-k", "3", "--columns", "name", "--quiet");

        ToolCommandTests.Ok(result);
        Assert.Equal(600, result.Json().GetProperty("n_samples").GetInt64());
        Assert.Equal(2, result.Json().GetProperty("n_features").GetInt32());
        AssertFailed(text, 1, "column \"name\" is not numeric", null);
    }

    private static Task WriteParquet(string path, double[] x, double[] y, string[] name) =>
        ParquetTestFile.WriteAsync(path, [("x", x), ("y", y), ("name", name)]);

    private static string FitModel(TestFiles files)
    {
        string data = files.WriteBlobs("fit.csv", rows: 90);
        string model = files.PathOf("model.json");
        ToolCommandTests.Ok(
            CliResult.Run("fit", data, "-k", "3", "--seed", "1", "-o", model, "--quiet"));
        return model;
    }

    private static void AssertFailed(CliResult result, int code, string message, string? output)
    {
        Assert.Equal(code, result.ExitCode);
        Assert.StartsWith("gmm: error: ", result.Stderr, StringComparison.Ordinal);
        Assert.Contains(message, result.Stderr, StringComparison.Ordinal);
        Assert.Single(result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.DoesNotContain("   at ", result.Stderr, StringComparison.Ordinal);
        if (output is not null)
        {
            Assert.False(File.Exists(output), $"{output} was written");
            string folder = Path.GetDirectoryName(output)!;
            Assert.True(!Directory.Exists(folder)
                || !Directory.EnumerateFiles(folder, "*.tmp").Any(), "a temporary file was left");
        }
    }
}
