using GmmGpu.Data;
using GmmGpu.Tests.Cli;
using Xunit;

namespace GmmGpu.Tests.Hardening;

/// <summary>
/// Issue 12, item 3: a full disk fails the command with one line naming the output, leaves no
/// temporary file (nothing on the disk), and a command with several outputs leaves none of
/// them and every previous file intact; MP4 export checks ffmpeg.
/// </summary>
public class DiskFullTests
{
    [Theory]
    [InlineData("predict --proba")]
    [InlineData("predict")]
    [InlineData("score")]
    [InlineData("anomalies")]
    [InlineData("sample")]
    [InlineData("generate")]
    [InlineData("fit")]
    [InlineData("select")]
    public void Command_DiskFull_FailsAndLeavesNothing(string command)
    {
        using var box = new Sandbox();
        using SmallDisk disk = SmallDisk.Mount();
        string big = box.PathOf("big.npy");
        ToolCommandTests.Ok(CliResult.Run(
            "generate", "-n", "20000", "--dim", "2", "-k", "3", "-o", big, "--quiet"));
        string output = disk.PathOf(command is "fit" or "select" ? "out.json" : "out.csv");
        disk.Fill(command is "fit" or "select" ? 200 : 4096);
        string[] args = command switch
        {
            "predict --proba" => ["predict", box.Model, big, "--proba", "-o", output],
            "predict" or "score" => [command, box.Model, big, "-o", output],
            "anomalies" => ["anomalies", box.Model, big, "--contamination", "0.5", "-o", output],
            "sample" => ["sample", box.Model, "-n", "20000", "-o", output],
            "generate" => ["generate", "-n", "20000", "--dim", "2", "-k", "2", "-o", output],
            "fit" => ["fit", box.Data, "-k", "3", "-o", output],
            _ => ["select", box.Data, "--k", "1..2", "-o", output],
        };

        CliResult result = CliResult.Run([.. args, "--quiet"]);

        // sample and generate see beforehand that the rows cannot fit; the others fail on
        // the write itself.
        Sandbox.AssertError(result, 1, command is "sample" or "generate"
            ? $"cannot write {output}: 20000 rows of 2 values need"
            : $"cannot write {output}: No space left on device");
        Assert.Empty(disk.Files());
    }

    [Fact]
    public void TableWriter_DiskFull_DisposeDeletesTheTemporaryFile()
    {
        using SmallDisk disk = SmallDisk.Mount();
        var rows = new double[100_000];

        var writer = TableWriter.Create(
            disk.PathOf("t.npy"), rows.Length, ["x"], TableElement.Float64);
        Assert.Throws<IOException>(() =>
        {
            writer.WriteRows<double>(rows, TestContext.Current.CancellationToken);
            writer.Commit();
        });
        writer.Dispose();

        Assert.Empty(disk.Files());
    }

    [Fact]
    public void Generate_LabelsOnFullDisk_LeavesNoneOfItsOutputsAndOldFilesIntact()
    {
        using var box = new Sandbox();
        using SmallDisk disk = SmallDisk.Mount();
        string old = box.PathOf("old.npy"), model = box.PathOf("true.json");
        File.WriteAllText(old, "previous contents");
        disk.Fill(1024);
        box.Remember();

        CliResult result = CliResult.Run(
            "generate", "-n", "50000", "--dim", "2", "-k", "3", "-o", old, "--model", model,
            "--labels", disk.PathOf("labels.npy"));

        Sandbox.AssertError(result, 1, "labels.npy: No space left on device");
        box.AssertNothingLost();
        Assert.Empty(disk.Files());
    }

    [Theory]
    [InlineData("fit.mp4")]
    [InlineData("fit.gif")]
    public void Export_DiskFull_ExitsOneAndLeavesNoFile(string name)
    {
        using var box = new Sandbox();
        using SmallDisk disk = SmallDisk.Mount();
        disk.Fill(8192);
        box.Remember();

        CliResult result = CliResult.Run(
            "fit", box.Data, "-k", "3", "--export", disk.PathOf(name), "-o", box.PathOf("m2.json"),
            "--max-iter", "20", "--tol", "0", "--size", "320x240", "--quiet");

        Sandbox.AssertError(result, 1, $"cannot write {disk.PathOf(name)}");
        Assert.Contains("No space left on device", result.Stderr, StringComparison.Ordinal);
        Assert.Empty(disk.Files());
        box.AssertNothingLost();
    }

    [Fact]
    public void Mp4Export_ReadOnlyFolder_NamesThePath()
    {
        using var box = new Sandbox();
        using SmallDisk disk = SmallDisk.Mount(readOnly: true);

        CliResult result = CliResult.Run(
            "fit", box.Data, "-k", "3", "--export", disk.PathOf("fit.mp4"), "--quiet");

        Sandbox.AssertError(result, 1, $"cannot write {disk.PathOf("fit.mp4")}: Read-only");
        Assert.DoesNotContain("pipe", result.Stderr, StringComparison.OrdinalIgnoreCase);
        Assert.Empty(disk.Files());
    }
}
