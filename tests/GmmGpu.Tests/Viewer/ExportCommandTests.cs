using GmmGpu.Tests.Cli;
using GmmGpu.Tests.Data;
using GmmGpu.Viewer.Export;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;
using Xunit;

namespace GmmGpu.Tests.Viewer;

public sealed class ExportCommandTests
{
    [Fact]
    public void Fit_ExportGif_HasOneFramePerIteration_TheLastHeldLonger()
    {
        using var files = new TestFiles();
        string data = files.WriteBlobs("blobs.csv");
        string gif = files.PathOf("fit.gif");

        CliResult result = CliResult.Run("fit", data, "-k", "3", "--seed", "1", "--tol", "0",
            "--max-iter", "7", "--export", gif, "--view-kind", "points", "--size", "320x240",
            "--color-by", "component", "--quiet");

        Assert.Equal(0, result.ExitCode);
        using Image<Rgba32> image = Image.Load<Rgba32>(gif);
        Assert.Equal(7, image.Frames.Count);
        int delay = 100 / FrameSink.FramesPerSecond;
        Assert.Equal(delay, image.Frames[0].Metadata.GetGifMetadata().FrameDelay);
        Assert.Equal((1 + FitAnimation.HeldFrames) * delay,
            image.Frames[^1].Metadata.GetGifMetadata().FrameDelay);
        Assert.Equal(320, image.Width);
        Assert.Equal(240, image.Height);
        Assert.Single(Directory.GetFiles(Path.GetDirectoryName(gif)!, "*.gif*"));
    }

    [Theory]
    [InlineData("heatmap")]
    [InlineData("surface")]
    [InlineData("curves")]
    [InlineData("dashboard")]
    public void Fit_ExportFolder_WritesOnePngPerIteration(string view)
    {
        using var files = new TestFiles();
        string data = files.WriteBlobs("blobs.csv");
        string folder = files.PathOf("frames");

        CliResult result = CliResult.Run("fit", data, "-k", "3", "--seed", "1", "--tol", "0",
            "--max-iter", "4", "--export", folder, "--view-kind", view, "--size", "200x150",
            "--quiet");

        Assert.Equal(0, result.ExitCode);
        string[] frames = Directory.GetFiles(folder, "frame-*.png");
        // Each frame once: holding the last is a matter of a video's timing.
        Assert.Equal(4, frames.Length);
        using Image<Rgba32> first = Image.Load<Rgba32>(frames.Order().First());
        Assert.Equal(200, first.Width);
    }

    [Fact]
    public void Fit_ExportMp4_WritesAVideo()
    {
        using var files = new TestFiles();
        string data = files.WriteBlobs("blobs.csv");
        string mp4 = files.PathOf("fit.mp4");

        CliResult result = CliResult.Run("fit", data, "-k", "3", "--seed", "1", "--max-iter",
            "3", "--export", mp4, "--size", "161x121", "--quiet");

        Assert.Equal(0, result.ExitCode);
        byte[] head = File.ReadAllBytes(mp4)[..12];
        Assert.Equal("ftyp", System.Text.Encoding.ASCII.GetString(head, 4, 4));
    }

    [Theory]
    [InlineData("--view-kind", "pie", "is not a view")]
    [InlineData("--size", "0x100", "is not WxH")]
    [InlineData("--size", "9000x100", "is not WxH")]
    [InlineData("--size", "wide", "is not WxH")]
    [InlineData("--view-dims", "0,7", "is not two different feature indices")]
    [InlineData("--view-dims", "1,1", "is not two different feature indices")]
    [InlineData("--color-by", "rainbow", "is not a colouring")]
    public void Fit_BadViewOption_IsAUsageError(string option, string value, string message)
    {
        using var files = new TestFiles();
        string data = files.WriteBlobs("blobs.csv");

        CliResult result = CliResult.Run(
            "fit", data, "-k", "2", "--export", files.PathOf("a.gif"), option, value);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(message, result.Stderr, StringComparison.Ordinal);
        Assert.Single(result.Stderr.Trim().Split('\n'));
    }

    [Fact]
    public void Fit_ExportIntoMissingFolder_FailsBeforeFitting()
    {
        using var files = new TestFiles();
        string data = files.WriteBlobs("blobs.csv");

        CliResult result = CliResult.Run("fit", data, "-k", "2", "--export",
            files.PathOf("missing/sub/a.gif"));

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("does not exist", result.Stderr, StringComparison.Ordinal);
        Assert.Single(result.Stderr.Trim().Split('\n'));
    }

    [Fact]
    public void Plot_EveryKind_WritesAPng()
    {
        using var files = new TestFiles();
        string data = files.WriteBlobs("blobs.csv");
        string model = files.PathOf("model.json");
        Assert.Equal(0, CliResult.Run("fit", data, "-k", "3", "--seed", "1", "-o", model,
            "--quiet").ExitCode);

        string[] kinds = ["heatmap", "points", "histogram", "surface", "curves", "dashboard"];
        foreach (string kind in kinds)
        {
            string png = files.PathOf($"{kind}.png");
            CliResult result = CliResult.Run(
                "plot", model, data, "--kind", kind, "-o", png, "--size", "300x200");
            Assert.Equal(0, result.ExitCode);
            using Image<Rgba32> image = Image.Load<Rgba32>(png);
            Assert.Equal((300, 200), (image.Width, image.Height));
        }
    }

    [Theory]
    [InlineData("--kind", "pie", 2)]
    [InlineData("--size", "0x0", 2)]
    [InlineData("-o", "out.gif", 2)]
    [InlineData("--dims", "0,5", 2)]
    [InlineData("--color-by", "rainbow", 2)]
    [InlineData("--window", "1,0,0,1", 2)]
    [InlineData("--window", "0,1,0", 2)]
    [InlineData("-o", "missing/out.png", 1)]
    public void Plot_BadInput_OneLineAndExitCode(string option, string value, int code)
    {
        using var files = new TestFiles();
        string data = files.WriteBlobs("blobs.csv");
        string model = files.PathOf("model.json");
        Assert.Equal(0, CliResult.Run("fit", data, "-k", "2", "--seed", "1", "-o", model,
            "--quiet").ExitCode);
        string[] args = option == "-o"
            ? ["plot", model, data, "-o", files.PathOf(value)]
            : ["plot", model, data, "-o", files.PathOf("a.png"), option, value];

        CliResult result = CliResult.Run(args);

        Assert.Equal(code, result.ExitCode);
        Assert.Single(result.Stderr.Trim().Split('\n'));
        Assert.StartsWith("gmm: error:", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Plot_DimsPca_DrawsTwoFeaturesOnTheirAxesAndRejectsOneFeature()
    {
        using var files = new TestFiles();
        string data = files.WriteBlobs("blobs.csv");
        string model = files.PathOf("model.json");
        Assert.Equal(0, CliResult.Run("fit", data, "-k", "3", "--seed", "1", "-o", model,
            "--quiet").ExitCode);
        string png = files.PathOf("pca.png");

        CliResult result = CliResult.Run(
            "plot", model, data, "--kind", "dashboard", "--dims", "pca", "-o", png);

        Assert.Equal(0, result.ExitCode);
        string oneColumn = files.PathOf("one.csv");
        File.WriteAllLines(oneColumn, ["x", "1", "2", "3", "4"]);
        CliResult oneFeature = CliResult.Run("fit", oneColumn, "-k", "1", "--view-dims", "pca",
            "--export", files.PathOf("f.gif"), "--quiet");
        Assert.Equal(2, oneFeature.ExitCode);
        Assert.Contains("pca needs 2 or more features", oneFeature.Stderr,
            StringComparison.Ordinal);
    }

    [Fact]
    public void Plot_ModelOfOtherDimension_FailsWithOneLine()
    {
        using var files = new TestFiles();
        string data = files.WriteBlobs("blobs.csv");
        string model = files.PathOf("model.json");
        Assert.Equal(0, CliResult.Run("fit", data, "-k", "2", "--seed", "1", "-o", model,
            "--quiet").ExitCode);
        string oneColumn = files.PathOf("one.csv");
        File.WriteAllLines(oneColumn, ["x", "1", "2", "3", "4"]);

        CliResult result = CliResult.Run("plot", model, oneColumn, "-o", files.PathOf("a.png"));

        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"{oneColumn} has 1 feature (x) but the model {model} was fitted on 2",
            result.Stderr, StringComparison.Ordinal);
    }
}
