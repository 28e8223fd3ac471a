using GmmGpu.Tests.Cli;
using Xunit;

namespace GmmGpu.Tests.Hardening;

/// <summary>
/// Issue 12, item 5: an output that names an existing folder is refused before any work
/// (exit 1, like a missing folder: the file system refuses, the command line is fine);
/// <c>demo --out FILE</c> says it is not a folder; an unknown export kind is a usage error.
/// </summary>
public class OutputKindTests
{
    [Theory]
    [InlineData("fit")]
    [InlineData("predict")]
    [InlineData("sample")]
    [InlineData("select")]
    public void Command_OutputIsExistingFolder_RefusedBeforeWorking(string command)
    {
        using var box = new Sandbox();
        string folder = box.PathOf("folder.npy");
        Directory.CreateDirectory(folder);
        box.Remember();
        string[] args = command switch
        {
            "fit" => ["fit", box.Data, "-k", "3", "-o", folder],
            "predict" => ["predict", box.Model, box.Data, "-o", folder],
            "sample" => ["sample", box.Model, "-n", "10", "-o", folder],
            _ => ["select", box.Data, "--k", "1..3", "-o", folder],
        };

        CliResult result = CliResult.Run(args);

        Sandbox.AssertError(result, 1, $"cannot write {folder}: it is a folder");
        Assert.Equal("", result.Stdout);
        Assert.Empty(Directory.EnumerateFileSystemEntries(folder));
        box.AssertNothingLost();
    }

    [Fact]
    public void Demo_OutIsAFile_SaysItIsNotAFolder()
    {
        using var box = new Sandbox();
        box.Remember();

        CliResult result = CliResult.Run("demo", "--n", "1000", "--out", box.Data, "--no-window");

        Sandbox.AssertError(result, 1, "not a folder");
        box.AssertNothingLost();
    }

    [Theory]
    [InlineData("e.webm")]
    [InlineData("e.avi")]
    public void Fit_ExportUnknownKind_IsAUsageError(string name)
    {
        using var box = new Sandbox();
        box.Remember();

        CliResult result = CliResult.Run(
            "fit", box.Data, "-k", "3", "--export", box.PathOf(name), "--quiet");

        Sandbox.AssertError(result, 2, "unknown kind");
        Assert.Contains(".gif, .mp4 or .png", result.Stderr, StringComparison.Ordinal);
        box.AssertNothingLost();
    }
}
