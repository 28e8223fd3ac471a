using System.Diagnostics;
using GmmGpu.Backends;
using GmmGpu.Tests.Cli;
using GmmGpu.Tests.Data;
using GmmGpu.Viewer;
using GmmGpu.Viewer.Gl;
using GmmGpu.Viewer.Live;
using Silk.NET.OpenGL;
using Xunit;
using static GmmGpu.Tests.Viewer.ViewerFixtures;

namespace GmmGpu.Tests.Viewer;

/// <summary>
/// The GLFW window under a private Xvfb server (DISPLAY is set for this process).
/// </summary>
[Collection(nameof(WindowTests))]
[CollectionDefinition(nameof(WindowTests), DisableParallelization = true)]
public sealed partial class WindowTests
{
    [Fact]
    public void Window_UnderXvfb_ShowsTheFrameAndRunsTheLiveLoop()
    {
        using var server = XvfbServer.Start();
        string? previous = Environment.GetEnvironmentVariable("DISPLAY");
        SetDisplay(server.Display);
        try
        {
            using GlfwWindowContext? window =
                GlfwWindowContext.TryOpen(320, 240, "test", out string? reason);
            Assert.True(window is not null, reason);
            using var backend = ComputeBackends.Create(ComputeDevice.Cpu);
            var data = new PlotData(Gaussian2D(2_000, 0, 0, 1, 1, seed: 6), 2);
            var parameters = OneComponent(0, 0, 1, 1);
            using (var renderer = new MixtureRenderer(320, 240, backend, window))
            {
                renderer.Draw(ViewKind.HeatMap, Frame(parameters), data);
                renderer.Blit(320, 240);
                var screen = new byte[320 * 240 * 4];
                window.Gl.BindFramebuffer(FramebufferTarget.Framebuffer, 0);
                window.Gl.ReadBuffer(ReadBufferMode.Back);
                window.Gl.ReadPixels(0, 0, 320, 240, PixelFormat.Rgba, PixelType.UnsignedByte,
                    screen.AsSpan());
                (byte r, byte g, byte b) = Pixel(screen, 320, 160, 120);
                Assert.NotEqual((255, 255, 255), (r, g, b));
            }

            var live = new LiveView();
            var record = new IterationRecord(1, -2, double.PositiveInfinity, 10, 12, TimeSpan.Zero);
            live.Report(new IterationSnapshot(record, parameters, 0, TimeSpan.Zero, 2_000));
            using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(1));
            live.Run(window, backend, data, ViewKind.Points, null, () => true, stop.Token);
            Assert.True(live.FramesDrawn >= 1);
        }
        finally
        {
            SetDisplay(previous);
        }
    }

    [Fact]
    public async Task Demo_UnderXvfb_ShowsTheFitLiveAndClosesWhenDone()
    {
        using var server = XvfbServer.Start();
        using var files = new TestFiles();
        string? previous = Environment.GetEnvironmentVariable("DISPLAY");
        SetDisplay(server.Display);
        try
        {
            using var watching = new CancellationTokenSource();
            Task<string> titles = Task.Run(() => WindowTitles(server.Display, watching.Token));

            CliResult result = CliResult.Run("demo", "--n", "20000", "--out", files.Folder,
                "--device", "cpu", "--close-when-done");
            watching.Cancel();

            Assert.True(result.ExitCode == 0, result.Stderr);
            Assert.DoesNotContain("no live view", result.Stderr, StringComparison.Ordinal);
            // The window's title names the iteration drawn: a frame of the fit was shown.
            Assert.Contains("gmm: iteration", await titles, StringComparison.Ordinal);
            // The export drew every iteration beside the window, on its own GL context.
            Assert.True(File.Exists(files.PathOf("demo.gif")));
            Assert.True(File.Exists(files.PathOf("demo-final.png")));
        }
        finally
        {
            SetDisplay(previous);
        }
    }

    [Fact]
    public void Window_NoDisplay_ReturnsNullWithAReason()
    {
        string? previous = Environment.GetEnvironmentVariable("DISPLAY");
        SetDisplay(null);
        try
        {
            using GlfwWindowContext? window =
                GlfwWindowContext.TryOpen(100, 100, "test", out string? reason);
            Assert.Null(window);
            Assert.Contains("no display", reason, StringComparison.Ordinal);
        }
        finally
        {
            SetDisplay(previous);
        }
    }

    /// <summary>The window titles seen on <paramref name="display"/> until cancelled.</summary>
    private static string WindowTitles(string display, CancellationToken stop)
    {
        var seen = new System.Text.StringBuilder();
        while (!stop.IsCancellationRequested)
        {
            var start = new ProcessStartInfo("xwininfo")
            {
                ArgumentList = { "-display", display, "-root", "-tree" },
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            using Process process = Process.Start(start)!;
            _ = process.StandardError.ReadToEndAsync(CancellationToken.None);
            seen.Append(process.StandardOutput.ReadToEnd());
            process.WaitForExit();
            Thread.Sleep(100);
        }

        return seen.ToString();
    }

    /// <summary>Sets DISPLAY for .NET and for native code (GLFW reads the C environment).</summary>
    private static void SetDisplay(string? display)
    {
        Environment.SetEnvironmentVariable("DISPLAY", display);
        _ = display is null ? UnsetEnv("DISPLAY") : SetEnv("DISPLAY", display, 1);
    }

    [System.Runtime.InteropServices.LibraryImport("libc", EntryPoint = "setenv",
        StringMarshalling = System.Runtime.InteropServices.StringMarshalling.Utf8)]
    private static partial int SetEnv(string name, string value, int overwrite);

    [System.Runtime.InteropServices.LibraryImport("libc", EntryPoint = "unsetenv",
        StringMarshalling = System.Runtime.InteropServices.StringMarshalling.Utf8)]
    private static partial int UnsetEnv(string name);

    private sealed class XvfbServer : IDisposable
    {
        private readonly Process process;

        private XvfbServer(Process process, string display)
        {
            this.process = process;
            Display = display;
        }

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
}
