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
            Task<string> titles = Task.Run(() => WindowTitles(server, watching.Token));

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

    /// <summary>The window titles seen on <paramref name="server"/> until cancelled.</summary>
    private static string WindowTitles(XvfbServer server, CancellationToken stop)
    {
        var seen = new System.Text.StringBuilder();
        while (!stop.IsCancellationRequested)
        {
            seen.Append(server.ToolText("xwininfo", "-root", "-tree"));
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
}
