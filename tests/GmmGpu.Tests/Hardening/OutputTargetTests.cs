using System.Text.Json;
using GmmGpu.Files;
using GmmGpu.Tests.Cli;
using GmmGpu.Tests.Distributed;
using Xunit;

namespace GmmGpu.Tests.Hardening;

/// <summary>
/// Issue 12, item 2: an output at a symbolic link is written through to its target (the link
/// stays); a device or FIFO is written in place, never replaced by a regular file.
/// </summary>
public class OutputTargetTests
{
    [Fact]
    public void Predict_OutputIsSymlink_WritesThroughToTarget()
    {
        using var box = new Sandbox();
        string link = box.Link("labels.csv", "real.csv");

        ToolCommandTests.Ok(CliResult.Run("predict", box.Model, box.Data, "-o", link));

        Assert.Equal("real.csv", new FileInfo(link).LinkTarget);
        string[] lines = File.ReadAllLines(box.PathOf("real.csv"));
        Assert.Equal("label", lines[0]);
        Assert.Equal(601, lines.Length);
        box.Remember();
        box.AssertNothingLost();
    }

    [Fact]
    public void Fit_ExportAtSymlink_WritesTheTargetGif()
    {
        using var box = new Sandbox();
        string link = box.Link("fit.gif", "frames.gif");

        ToolCommandTests.Ok(CliResult.Run(
            "fit", box.Data, "-k", "3", "--max-iter", "3", "--export", link, "--size", "64x48",
            "--quiet"));

        Assert.Equal("frames.gif", new FileInfo(link).LinkTarget);
        Assert.Equal("GIF89a"u8.ToArray(), File.ReadAllBytes(box.PathOf("frames.gif"))[..6]);
    }

    [Fact]
    public void Fit_OutputIsDevNull_WritesIntoTheDevice()
    {
        using var box = new Sandbox();

        CliResult result = CliResult.Run("fit", box.Data, "-k", "3", "-o", "/dev/null", "--quiet");

        ToolCommandTests.Ok(result);
        Assert.Equal(FileKind.Special, FileIdentity.Of("/dev/null").Kind);
        Assert.Empty(Directory.EnumerateFiles("/dev", ".null.*"));
    }

    [Fact]
    public async Task Fit_OutputIsFifo_WritesTheModelIntoThePipe()
    {
        using var box = new Sandbox();
        string fifo = box.PathOf("model.json");
        Assert.Equal(0, MpiJob.Run("mkfifo", [fifo]).ExitCode);
        CancellationToken token = TestContext.Current.CancellationToken;
        Task<byte[]> reader = Task.Run(() => File.ReadAllBytesAsync(fifo, token), token);

        ToolCommandTests.Ok(CliResult.Run("fit", box.Data, "-k", "3", "-o", fifo, "--quiet"));

        byte[] bytes = await reader.WaitAsync(TimeSpan.FromSeconds(30), token);
        using var model = JsonDocument.Parse(bytes);
        Assert.Equal(3, model.RootElement.GetProperty("n_components").GetInt32());
        Assert.Equal(FileKind.Special, FileIdentity.Of(fifo).Kind);
    }
}
