using System.Diagnostics;
using GmmGpu.Tests.Cli;
using GmmGpu.Tests.Viewer;
using Xunit;

namespace GmmGpu.Tests.Hardening;

/// <summary>
/// Issue 12, item 4: SIGTERM, SIGHUP and Ctrl+C (SIGINT) during a write cancel the command,
/// delete its temporary file and exit 143, 129 and 130; sample and generate stop at once.
/// </summary>
public class SignalTests
{
    [Theory]
    [InlineData("TERM", 143)]
    [InlineData("HUP", 129)]
    [InlineData("INT", 130)]
    public void Sample_SignalWhileWriting_ExitsWithItsCodeAndLeavesNoTemporaryFile(
        string signal, int code)
    {
        using var box = new Sandbox();
        box.Remember();
        using var gmm = GmmProcess.Start(
            "", "sample", box.Model, "-n", "8000000", "-o", box.PathOf("s.csv"));

        SignalWhileWriting(box, gmm, signal);

        Assert.Equal(code, gmm.ExitCode);
        box.AssertNothingLost();
    }

    [Theory]
    [InlineData("fit.gif")]
    [InlineData("fit.mp4")]
    public void Export_SigTermWhileWriting_Exits143AndLeavesNoTemporaryFile(string name)
    {
        using var box = new Sandbox();
        box.Remember();
        using var gmm = GmmProcess.Start(
            "", "fit", box.Data, "-k", "3", "--max-iter", "400", "--tol", "0", "--export",
            box.PathOf(name), "--size", "320x240", "--quiet");

        SignalWhileWriting(box, gmm, "TERM");

        Assert.Equal(143, gmm.ExitCode);
        box.AssertNothingLost();
    }

    [Fact]
    public void ExportFolder_SigTermWhileWriting_LeavesTheEarlierFramesAsTheyWere()
    {
        using var box = new Sandbox();
        string frames = box.PathOf("frames");
        CliResult earlier = CliResult.Run("fit", box.Data, "-k", "3", "--max-iter", "2",
            "--export", frames, "--size", "64x48", "--quiet");
        Assert.True(earlier.ExitCode == 0, earlier.Stderr);
        box.Remember();
        using var gmm = GmmProcess.Start(
            "", "fit", box.Data, "-k", "3", "--max-iter", "400", "--tol", "0", "--export",
            frames, "--size", "320x240", "--quiet");

        SignalWhileWriting(box, gmm, "TERM", frames);

        Assert.Equal(143, gmm.ExitCode);
        box.AssertNothingLost();
    }

    [Fact]
    public void Generate_SigIntWhileDrawing_StopsWithinASecond()
    {
        using var box = new Sandbox();
        box.Remember();
        using var gmm = GmmProcess.Start(
            "", "generate", "-n", "60000000", "--dim", "2", "-k", "3", "-o", box.PathOf("g.npy"),
            "--labels", box.PathOf("l.npy"));
        Thread.Sleep(TimeSpan.FromSeconds(1.5));
        if (gmm.HasExited)
        {
            Assert.Fail($"ended before the signal: {gmm}");
        }


        var clock = Stopwatch.StartNew();
        gmm.Signal("INT");

        Assert.True(gmm.WaitForExit(TimeSpan.FromSeconds(10)), gmm.ToString());
        // Under the 2 s after which the process would be ended anyway: the command itself
        // noticed the cancellation.
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1.5), $"took {clock.Elapsed}");
        Assert.Equal(130, gmm.ExitCode);
        box.AssertNothingLost();
    }

    /// <summary>Waits for the command's temporary file to appear (in the sandbox, or in
    /// <paramref name="folder"/>), then signals it and waits for its exit.</summary>
    private static void SignalWhileWriting(
        Sandbox box, GmmProcess gmm, string signal, string? folder = null)
    {
        var clock = Stopwatch.StartNew();
        while (!Directory.EnumerateFiles(folder ?? box.Folder, ".*.tmp").Any())
        {
            // (The messages are built only on failure: describing the process waits for it.)
            if (gmm.HasExited)
            {
                Assert.Fail($"ended before writing: {gmm}");
            }

            if (clock.Elapsed > TimeSpan.FromSeconds(60))
            {
                Assert.Fail($"no temporary file: {gmm}");
            }

            Thread.Sleep(20);
        }

        gmm.Signal(signal);
        Assert.True(gmm.WaitForExit(TimeSpan.FromSeconds(10)), gmm.ToString());
    }
}
