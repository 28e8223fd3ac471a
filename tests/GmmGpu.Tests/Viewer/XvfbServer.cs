using System.Diagnostics;

namespace GmmGpu.Tests.Viewer;

/// <summary>
/// A private Xvfb X server (640×480, 24 bits) on a free display number, and the X tools
/// (xwininfo, xdotool, xwd) run against it. Ended on dispose.
/// </summary>
internal sealed class XvfbServer : IDisposable
{
    private static readonly TimeSpan ToolTimeout = TimeSpan.FromSeconds(30);

    private readonly Process process;

    private XvfbServer(Process process, string display)
    {
        this.process = process;
        Display = display;
    }

    /// <summary>":N".</summary>
    public string Display { get; }

    public static XvfbServer Start()
    {
        for (int number = 90 + (Environment.ProcessId % 50); ; number++)
        {
            if (File.Exists($"/tmp/.X11-unix/X{number}")
                || File.Exists($"/tmp/.X{number}-lock"))
            {
                continue;
            }

            var start = new ProcessStartInfo("Xvfb")
            {
                ArgumentList =
                {
                    $":{number}", "-screen", "0", "640x480x24", "-nolisten", "tcp",
                },
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            var process = Process.Start(start)!;
            _ = process.StandardError.ReadToEndAsync();
            var clock = Stopwatch.StartNew();
            while (!File.Exists($"/tmp/.X11-unix/X{number}") && !process.HasExited
                && clock.Elapsed < TimeSpan.FromSeconds(10))
            {
                Thread.Sleep(50);
            }

            if (!process.HasExited)
            {
                return new XvfbServer(process, $":{number}");
            }

            process.Dispose();
        }
    }

    /// <summary>
    /// Runs an X client (xwininfo, xdotool, xwd) on this display; returns its exit code and
    /// standard output. One that hangs is killed.
    /// </summary>
    public (int ExitCode, byte[] Stdout) Tool(string program, params string[] args)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            Environment = { ["DISPLAY"] = Display },
        };
        foreach (string arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using Process tool = Process.Start(start)!;
        _ = tool.StandardError.ReadToEndAsync();
        using var stdout = new MemoryStream();
        Task copy = tool.StandardOutput.BaseStream.CopyToAsync(stdout);
        if (!tool.WaitForExit(ToolTimeout))
        {
            tool.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} {string.Join(' ', args)} did not end within "
                + $"{ToolTimeout.TotalSeconds} s.");
        }

        copy.Wait();
        return (tool.ExitCode, stdout.ToArray());
    }

    /// <summary>The tool's standard output as text.</summary>
    public string ToolText(string program, params string[] args) =>
        System.Text.Encoding.UTF8.GetString(Tool(program, args).Stdout);

    /// <summary>The whole screen, as <c>xwd -root</c> captures it.</summary>
    public XwdImage Screenshot()
    {
        (int code, byte[] image) = Tool("xwd", "-root", "-silent");
        return code == 0 ? XwdImage.Parse(image)
            : throw new InvalidOperationException($"xwd failed with exit code {code}.");
    }

    public void Dispose()
    {
        if (!process.HasExited)
        {
            process.Kill();
            process.WaitForExit();
        }

        process.Dispose();
    }
}
