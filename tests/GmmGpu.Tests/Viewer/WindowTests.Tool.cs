using System.Diagnostics;
using GmmGpu.Tests.Cli;
using GmmGpu.Tests.Data;
using Xunit;

namespace GmmGpu.Tests.Viewer;

/// <summary>
/// <c>gmm fit --view</c> in a process of its own under Xvfb, driven from outside the way a
/// person would: the screen is captured with xwd, the mouse and keys come from xdotool.
/// </summary>
public sealed partial class WindowTests
{
    private static readonly TimeSpan WindowTimeout = TimeSpan.FromSeconds(60);

    [Fact]
    public void FitView_UnderXvfb_ShowsTheFit_ADragTurnsTheSurface_AndEscCloses()
    {
        using var server = XvfbServer.Start();
        using var files = new TestFiles();
        string data = files.PathOf("blobs.npy");
        CliResult generated = CliResult.Run("generate", "-n", "20000", "--dim", "2", "-k", "3",
            "--seed", "7", "-o", data);
        Assert.True(generated.ExitCode == 0, generated.Stderr);
        // No --close-when-done: the window stays open after the fit until Esc.
        using var gmm = GmmProcess.Start(server.Display, "fit", data, "-k", "3", "--device",
            "cpu", "--view", "--view-kind", "surface", "--size", "320x240", "--quiet");

        string window = WaitForWindow(server, gmm, @"^gmm: iteration .*\(done\)$");
        (int left, int top, int width, int height) = Geometry(server, window);
        XwdImage before = server.Screenshot();
        int white = 0, colored = 0;
        for (int y = top; y < top + height; y++)
        {
            for (int x = left; x < left + width; x++)
            {
                (byte r, byte g, byte b) = before.Pixel(x, y);
                white += (r, g, b) == (255, 255, 255) ? 1 : 0;
                colored += Math.Max(r, Math.Max(g, b)) - Math.Min(r, Math.Min(g, b)) > 40 ? 1 : 0;
            }
        }

        // The screen shows the picture: its white background and the viridis surface.
        Assert.True(white > width * height / 4, $"{white} white pixels in the window");
        Assert.True(colored > 200, $"{colored} coloured pixels in the window");

        // Held for a few polls of the window's loop at each point, so the drag is seen.
        server.Tool("xdotool", "mousemove", "--window", window, "160", "120", "mousedown", "1",
            "sleep", "0.3", "mousemove", "--window", window, "230", "120", "sleep", "0.3",
            "mouseup", "1");
        Assert.True(Changes(server, before, TimeSpan.FromSeconds(10)),
            "the picture did not change after a drag across the surface view");

        server.Tool("xdotool", "mousemove", "--window", window, "100", "100", "key", "Escape");
        Assert.True(gmm.WaitForExit(TimeSpan.FromSeconds(30)),
            $"Esc did not close the window within 30 s; killed.\n{gmm}");
        Assert.True(gmm.ExitCode == 0, gmm.ToString());
    }

    /// <summary>The id of the first window whose name matches <paramref name="name"/>.
    /// </summary>
    private static string WaitForWindow(XvfbServer server, GmmProcess gmm, string name)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < WindowTimeout && !gmm.HasExited)
        {
            string found = server.ToolText("xdotool", "search", "--name", name).Trim();
            if (found.Length > 0)
            {
                return found.Split('\n')[0];
            }

            Thread.Sleep(100);
        }

        Assert.Fail($"no window named /{name}/ within {clock.Elapsed.TotalSeconds:F0} s.\n{gmm}");
        return "";
    }

    /// <summary>The window's place and size on the screen.</summary>
    private static (int Left, int Top, int Width, int Height) Geometry(
        XvfbServer server, string window)
    {
        Dictionary<string, int> shell = server.ToolText(
                "xdotool", "getwindowgeometry", "--shell", window)
            .Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split('='))
            .Where(pair => pair.Length == 2 && int.TryParse(pair[1], out _))
            .ToDictionary(pair => pair[0], pair => int.Parse(pair[1],
                System.Globalization.CultureInfo.InvariantCulture));
        return (shell["X"], shell["Y"], shell["WIDTH"], shell["HEIGHT"]);
    }

    /// <summary>Whether the screen differs from <paramref name="before"/> within the time.
    /// </summary>
    private static bool Changes(XvfbServer server, XwdImage before, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        do
        {
            Thread.Sleep(200);
            XwdImage now = server.Screenshot();
            for (int y = 0; y < now.Height; y++)
            {
                for (int x = 0; x < now.Width; x++)
                {
                    if (now.Pixel(x, y) != before.Pixel(x, y))
                    {
                        return true;
                    }
                }
            }
        }
        while (clock.Elapsed < timeout);
        return false;
    }
}
