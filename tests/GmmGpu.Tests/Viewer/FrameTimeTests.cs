using System.Diagnostics;
using GmmGpu.Backends;
using GmmGpu.Viewer;
using Xunit;
using static GmmGpu.Tests.Viewer.ViewerFixtures;

namespace GmmGpu.Tests.Viewer;

public sealed class FrameTimeTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData(ViewKind.Points)]
    [InlineData(ViewKind.HeatMap)]
    public void Render_OneMillionPointsAt1280x720_TakesUnderASecondPerFrame(ViewKind kind)
    {
        using var backend = ComputeBackends.Create(ComputeDevice.Cpu);
        using var renderer = new MixtureRenderer(1280, 720, backend);
        var data = new PlotData(Gaussian2D(1_000_000, 0, 0, 1, 0.7, seed: 9), 2);
        var parameters = new MixtureParameters(CovarianceType.Full, 3, 2, [0.5, 0.3, 0.2],
            [0, 0, 1, 1, -1, 0.5], [1, 0.2, 0.2, 0.5, 0.3, 0, 0, 0.3, 0.6, -0.1, -0.1, 0.4]);
        var frame = Frame(parameters);
        var rgba = new byte[1280 * 720 * 4];
        var clock = Stopwatch.StartNew();
        renderer.Render(kind, frame, data, rgba);
        double first = clock.Elapsed.TotalMilliseconds;
        const int frames = 10;
        clock.Restart();
        for (int i = 0; i < frames; i++)
        {
            renderer.Render(kind, frame, data, rgba);
        }

        double each = clock.Elapsed.TotalMilliseconds / frames;
        output.WriteLine($"{kind} 1M points 1280x720: first frame {first:F1} ms, "
            + $"then {each:F1} ms/frame "
            + $"({renderer.Description})");
        Assert.InRange(each, 0, 1000);
    }
}
