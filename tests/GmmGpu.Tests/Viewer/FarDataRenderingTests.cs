using GmmGpu.Backends;
using GmmGpu.Engine;
using GmmGpu.Tests.Cli;
using GmmGpu.Tests.Data;
using GmmGpu.Tests.Mixture;
using GmmGpu.Viewer;
using GmmGpu.Viewer.Rendering;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;
using Xunit;
using static GmmGpu.Tests.Viewer.ViewerFixtures;

namespace GmmGpu.Tests.Viewer;

/// <summary>
/// Issue 12, item 6 in the pictures: a model and data at 1e8 are drawn as the same model and
/// data at 0 are (float32 keeps no digits below 8 there).
/// </summary>
public sealed class FarDataRenderingTests : IDisposable
{
    private const int Width = 640, Height = 480;
    private readonly IComputeBackend backend = ComputeBackends.Create(ComputeDevice.Cpu);
    private readonly MixtureRenderer renderer;

    public FarDataRenderingTests()
    {
        renderer = new MixtureRenderer(Width, Height, backend);
    }

    public void Dispose()
    {
        renderer.Dispose();
        backend.Dispose();
    }

    [Fact]
    public void HeatMap_ModelAt1e8_BrightestPixelsCentreOnTheMean()
    {
        // Before: the density grid was evaluated in float32 about 0, a staircase of step 8.
        var data = new PlotData(Gaussian2D(20_000, 1e8, 1e8, 20, 20, seed: 1), 2);
        var parameters = OneComponent(1e8 + 3, 1e8 - 3, 20, 12);
        byte[] rgba = renderer.Render(ViewKind.HeatMap, Frame(parameters), data);
        PlotLayout layout = renderer.Layout(data);
        (double cx, double cy, int count) =
            CentreOfColor(rgba, Width, layout, ColorMaps.ViridisAt(1));

        Assert.True(count > 10, $"only {count} pixels have the top color");
        var mean = layout.ToPixel(1e8 + 3, 1e8 - 3);
        Assert.InRange(cx, mean.X - 2, mean.X + 2);
        Assert.InRange(cy, mean.Y - 2, mean.Y + 2);
    }

    [Theory]
    [InlineData("heatmap")]
    [InlineData("points")]
    [InlineData("surface")]
    public void Plot_Float64DataAt1e8_DrawsAsTheSameDataAtZero(string kind)
    {
        using var files = new TestFiles();
        double[] far = OffsetAndScaleTests.Clusters(1e8, 1);
        string farData = files.WriteNpy("far.npy", far, 1000, 2);
        string nearData = files.WriteNpy("near.npy", [.. far.Select(v => v - 1e8)], 1000, 2);
        string farModel = files.WriteText("far.json", FarDataCommandTests.ModelJson(1e8));
        string nearModel = files.WriteText("near.json", FarDataCommandTests.ModelJson(0));

        Image<Rgba32> atFar = Plot(files, farModel, farData, kind, "far.png");
        Image<Rgba32> atZero = Plot(files, nearModel, nearData, kind, "near.png");

        // The plot area (the middle of the picture) is the same; the axis labels say
        // "x0 − 100000000" at 1e8.
        int differ = 0, total = 0;
        for (int y = Height / 5; y < Height * 4 / 5; y++)
        {
            for (int x = Width / 5; x < Width * 4 / 5; x++)
            {
                Rgba32 a = atFar[x, y], b = atZero[x, y];
                int change = Math.Max(Math.Abs(a.R - b.R),
                    Math.Max(Math.Abs(a.G - b.G), Math.Abs(a.B - b.B)));
                differ += change > 16 ? 1 : 0;
                total++;
            }
        }

        Assert.True(differ < total / 200, $"{differ} of {total} pixels differ");
        atFar.Dispose();
        atZero.Dispose();
    }

    private static Image<Rgba32> Plot(
        TestFiles files, string model, string data, string kind, string name)
    {
        string png = files.PathOf(name);
        CliResult result = CliResult.Run(
            "plot", model, data, "--kind", kind, "-o", png, "--size", $"{Width}x{Height}");
        Assert.True(result.ExitCode == 0, result.Stderr);
        return Image.Load<Rgba32>(png);
    }
}
