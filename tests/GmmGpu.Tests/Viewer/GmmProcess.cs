using System.Diagnostics;
using GmmGpu.Tests.Distributed;
using Xunit;

namespace GmmGpu.Tests.Viewer;

/// <summary>
/// The gmm tool in a process of its own, so that a test can act on its window from outside
/// while it runs. One still running at the end is killed with its children: a hung window
/// must not hang the suite.
/// </summary>
internal sealed class GmmProcess : IDisposable
{
    private readonly Process process;
    private readonly Task<string> stdout, stderr;

    private GmmProcess(Process process)
    {
        this.process = process;
        stdout = process.StandardOutput.ReadToEndAsync();
        stderr = process.StandardError.ReadToEndAsync();
    }

    public bool HasExited => process.HasExited;

    public int ExitCode => process.ExitCode;

    /// <summary><c>dotnet gmm.dll args</c> with DISPLAY set to <paramref name="display"/>.
    /// </summary>
    public static GmmProcess Start(string display, params string[] args) =>
        Launch(new() { ["DISPLAY"] = display }, input: false, args);

    /// <summary>
    /// <c>dotnet gmm.dll args</c> reading its standard input from <see cref="Input"/>, with
    /// TMPDIR set to <paramref name="temporaryFolder"/>.
    /// </summary>
    public static GmmProcess StartWithInput(string temporaryFolder, params string[] args) =>
        Launch(new() { ["DISPLAY"] = "", ["TMPDIR"] = temporaryFolder }, input: true, args);

    /// <summary>The standard input of a process from <see cref="StartWithInput"/>.</summary>
    public StreamWriter Input => process.StandardInput;

    private static GmmProcess Launch(
        Dictionary<string, string?> environment, bool input, string[] args)
    {
        // Through env(1) with the signals' default actions: a test run started in the
        // background (nohup, `cmd &`) ignores SIGINT and SIGHUP, and a child inherits that, so
        // the signal tests would test the shell, not gmm.
        var start = new ProcessStartInfo("env")
        {
            RedirectStandardInput = input,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach ((string name, string? value) in environment)
        {
            start.Environment[name] = value;
        }

        start.ArgumentList.Add("--default-signal=INT,HUP,TERM");
        start.ArgumentList.Add(MpiJob.Dotnet);
        start.ArgumentList.Add(MpiJob.Gmm);
        foreach (string arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        return new GmmProcess(Process.Start(start)!);
    }

    /// <summary>Sends the signal <paramref name="name"/> (TERM, INT, HUP) with kill(1).</summary>
    public void Signal(string name) =>
        Assert.Equal(0, MpiJob.Run("kill", ["-s", name, $"{process.Id}"]).ExitCode);

    /// <summary>Waits for the exit; false, with the process killed, after
    /// <paramref name="timeout"/>.</summary>
    public bool WaitForExit(TimeSpan timeout)
    {
        if (process.WaitForExit(timeout))
        {
            process.WaitForExit();
            return true;
        }

        Kill();
        return false;
    }

    /// <summary>Its exit code and outputs so far, for failure messages.</summary>
    public override string ToString() =>
        $"gmm {(process.HasExited ? $"exit code {process.ExitCode}" : "still running")}\n"
        + $"stdout:\n{Finished(stdout)}\nstderr:\n{Finished(stderr)}";

    public void Dispose()
    {
        Kill();
        process.Dispose();
    }

    private void Kill()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }
    }

    private static string Finished(Task<string> output) =>
        output.Wait(TimeSpan.FromSeconds(2)) ? output.Result : "(not closed yet)";
}
