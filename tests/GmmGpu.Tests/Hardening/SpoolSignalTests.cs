using System.Globalization;
using System.Text;
using GmmGpu.Tests.Data;
using GmmGpu.Tests.Viewer;
using Xunit;

namespace GmmGpu.Tests.Hardening;

/// <summary>
/// Issue 12, item 5 leftover: a pipe being copied into a temporary file (so that it can be
/// read twice) leaves no copy behind when SIGTERM ends the process while the pipe is still open
/// (the copy cannot see the cancellation, so the process is ended after the 2-s grace).
/// </summary>
public class SpoolSignalTests
{
    [Fact]
    public void Fit_SigTermWhilePipeIsCopied_Exits143AndLeavesNoCopy()
    {
        using var files = new TestFiles();
        string temp = Directory.CreateDirectory(files.PathOf("tmp")).FullName;
        using var gmm = GmmProcess.StartWithInput(temp, "fit", "/dev/stdin", "-k", "2");
        var rows = new StringBuilder("x,y\n");
        for (int i = 0; rows.Length < 200_000; i++)
        {
            rows.Append(CultureInfo.InvariantCulture, $"{i % 7}.5,{i % 11}.25\n");
        }

        // More than the 64 KB head, then the pipe stays open: the copy waits for the rest.
        gmm.Input.Write(rows.ToString());
        gmm.Input.Flush();
        Thread.Sleep(TimeSpan.FromSeconds(1.5));
        Assert.False(gmm.HasExited, gmm.ToString());

        gmm.Signal("TERM");

        Assert.True(gmm.WaitForExit(TimeSpan.FromSeconds(10)), gmm.ToString());
        Assert.Equal(143, gmm.ExitCode);
        // (The runtime's own diagnostics pipes live there too, and go at exit.)
        Assert.Empty(Directory.EnumerateFiles(temp, ".gmm-*"));
    }
}
