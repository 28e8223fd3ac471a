using GmmGpu.Backends;
using GmmGpu.Engine;
using GmmGpu.Viewer;
using GmmGpu.Viewer.Views;
using GmmGpu.Viewer.Rendering;
using Xunit;
using static GmmGpu.Tests.Viewer.ViewerFixtures;

namespace GmmGpu.Tests.Viewer;

public sealed partial class RenderingTests : IDisposable
{
    private const int Width = 640;
    private const int Height = 480;
    private readonly IComputeBackend backend = ComputeBackends.Create(ComputeDevice.Cpu);
    private readonly MixtureRenderer renderer;

    public RenderingTests()
    {
        renderer = new MixtureRenderer(Width, Height, backend);
    }

    public void Dispose()
    {
        renderer.Dispose();
        backend.Dispose();
    }

    [Fact]
    public void HeatMap_OneComponent_BrightestPixelsCentreOnTheMean()
    {
        var data = new PlotData(Gaussian2D(20_000, 1.0, -0.5, 0.8, 0.5, seed: 1), 2);
        var parameters = OneComponent(1.3, -0.2, 0.8, 0.5);
        byte[] rgba = renderer.Render(ViewKind.HeatMap, Frame(parameters), data);
        PlotLayout layout = renderer.Layout(data);
        (byte r, byte g, byte b) top = ColorMaps.ViridisAt(1);
        (double cx, double cy, int count) = CentreOfColor(rgba, Width, layout, top);

        Assert.True(count > 10, $"only {count} pixels have the top color");
        var mean = layout.ToPixel(1.3, -0.2);
        Assert.InRange(cx, mean.X - 2, mean.X + 2);
        Assert.InRange(cy, mean.Y - 2, mean.Y + 2);
    }

    [Fact]
    public void HeatMap_ThreeFeaturesOnDims0And2_CentresOnTheMarginalMean()
    {
        var random = new Random(8);
        var values = new float[3 * 10_000];
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = (float)((random.NextDouble() * 6) - 3);
        }

        var data = new PlotData(values, 3, dimX: 0, dimY: 2);
        double[] covariance = [0.5, 0.1, 0.2, 0.1, 0.4, 0.0, 0.2, 0.0, 0.3];
        var parameters = new MixtureParameters(
            CovarianceType.Full, 1, 3, [1.0], [0.5, -2.0, -1.0], covariance);
        byte[] rgba = renderer.Render(ViewKind.HeatMap, Frame(parameters), data);
        PlotLayout layout = renderer.Layout(data);
        (byte r, byte g, byte b) top = ColorMaps.ViridisAt(1);
        (double cx, double cy, int count) = CentreOfColor(rgba, Width, layout, top);

        var mean = layout.ToPixel(0.5, -1.0);
        Assert.True(count > 10);
        Assert.InRange(cx, mean.X - 2, mean.X + 2);
        Assert.InRange(cy, mean.Y - 2, mean.Y + 2);
    }

    [Fact]
    public void HeatMap_DataWhereTheModelHasNoMass_IsDrawnOverTheLowestLevel()
    {
        // Blob A lies under the model's one component; blob B, far from it, has density ~0.
        float[] a = Gaussian2D(20_000, -2, -2, 0.3, 0.3, seed: 14);
        float[] b = Gaussian2D(20_000, 2.5, 2.5, 0.3, 0.3, seed: 15);
        var data = new PlotData(a.Concat(b).ToArray(), 2);
        var frame = Frame(OneComponent(-2, -2, 0.3, 0.3));
        PlotLayout layout = renderer.Layout(data);
        var onB = layout.ToPixel(2.5, 2.5);
        var empty = layout.ToPixel(2.5, -2.5);
        (byte R, byte G, byte B) lowest = ColorMaps.ViridisAt(0);

        byte[] with = renderer.Render(ViewKind.HeatMap, frame, data);
        renderer.Settings.ShowData = false;
        byte[] without = renderer.Render(ViewKind.HeatMap, frame, data);
        renderer.Settings.ShowData = true;

        Assert.Equal(lowest, Pixel(without, Width, (int)onB.X, (int)onB.Y));
        Assert.Equal(lowest, Pixel(with, Width, (int)empty.X, (int)empty.Y));
        // White ink at 50-100% of the overlay's alpha over the lowest level.
        var pixel = Pixel(with, Width, (int)onB.X, (int)onB.Y);
        double share = (pixel.G - lowest.G) / (255.0 - lowest.G);
        double ink = HeatMapView.DataOverlayInk.W;
        Assert.InRange(share, (0.5 * ink) - 0.02, ink + 0.02);
        Assert.InRange(pixel.R, lowest.R + (share * (255 - lowest.R)) - 3,
            lowest.R + (share * (255 - lowest.R)) + 3);
    }

    [Fact]
    public void HeatMap_ColorBarEnds_HaveTheColorMapsEndColors()
    {
        var data = new PlotData(Gaussian2D(5_000, 0, 0, 1, 1, seed: 2), 2);
        byte[] rgba = renderer.Render(ViewKind.HeatMap, Frame(OneComponent(0, 0, 1, 1)), data);
        RectangleF bar = renderer.Layout(data).ColorBar;
        int x = (int)((bar.Left + bar.Right) / 2);
        Assert.Equal(ColorMaps.ViridisAt(0), Pixel(rgba, Width, x, (int)bar.Bottom - 1));
        Assert.Equal(ColorMaps.ViridisAt(1), Pixel(rgba, Width, x, (int)bar.Top + 1));
    }

    [Fact]
    public void Histogram_TallestBar_IsWhereTheDataIsDensest()
    {
        var data = new PlotData(Mixture1D(40_000, 0.7, 2, 0.5, -3, 1, seed: 4), 1);
        var parameters = new MixtureParameters(
            CovarianceType.Diagonal, 2, 1, [0.7, 0.3], [2.0, -3.0], [0.25, 1.0]);
        var frame = Frame(parameters);
        byte[] rgba = renderer.Render(ViewKind.Histogram, frame, data);
        PlotLayout layout = renderer.HistogramLayout(frame, data);
        var bar = HistogramView.BarColor;
        var barRgb = ((byte)Math.Round(bar.X * 255), (byte)Math.Round(bar.Y * 255),
            (byte)Math.Round(bar.Z * 255));
        int bestColumn = -1, bestHeight = 0;
        for (int x = (int)layout.Plot.Left; x < (int)layout.Plot.Right; x++)
        {
            int height = 0;
            for (int y = (int)layout.Plot.Top; y < (int)layout.Plot.Bottom; y++)
            {
                height += Pixel(rgba, Width, x, y) == barRgb ? 1 : 0;
            }

            (bestColumn, bestHeight) = height > bestHeight ? (x, height) : (bestColumn, bestHeight);
        }

        double fraction = (bestColumn + 0.5 - layout.Plot.Left) / layout.Plot.Width;
        double xData = layout.XMin + (fraction * (layout.XMax - layout.XMin));
        Assert.InRange(xData, 1.5, 2.5);
    }

    [Theory]
    [InlineData(ViewKind.HeatMap)]
    [InlineData(ViewKind.Points)]
    [InlineData(ViewKind.Surface)]
    [InlineData(ViewKind.Curves)]
    [InlineData(ViewKind.Histogram)]
    [InlineData(ViewKind.Dashboard)]
    public void Render_Twice_GivesIdenticalBytes(ViewKind kind)
    {
        var data = new PlotData(Gaussian2D(10_000, 0, 0, 1, 1, seed: 5), 2);
        var history = new[]
        {
            new IterationRecord(1, -3.1, double.PositiveInfinity, 100, 120, TimeSpan.Zero),
            new IterationRecord(2, -2.9, 0.2, 95, 115, TimeSpan.Zero),
        };
        var frame = new ViewFrame(OneComponent(0.1, 0, 1, 0.9), history);
        byte[] first = renderer.Render(kind, frame, data);
        byte[] second = renderer.Render(kind, frame, data);
        Assert.Equal(first, second);
        Assert.Contains(first, b => b != 255);
    }

    [Fact]
    public void Render_TwoRenderersOnOneThread_EachDrawsInItsOwnContext()
    {
        var data = new PlotData(Gaussian2D(5_000, 0, 0, 1, 1, seed: 10), 2);
        var frame = Frame(OneComponent(0, 0, 1, 1));
        byte[] alone = renderer.Render(ViewKind.HeatMap, frame, data);
        using (var other = new MixtureRenderer(320, 200, backend))
        {
            Assert.Equal(320 * 200 * 4, other.Render(ViewKind.Points, frame, data).Length);
            Assert.Equal(alone, renderer.Render(ViewKind.HeatMap, frame, data));
        }

        Assert.Equal(alone, renderer.Render(ViewKind.HeatMap, frame, data));
    }

    [Fact]
    public void WarmUp_LeavesABlankFrame_ThenDrawsAsAColdRenderer()
    {
        var data = new PlotData(Gaussian2D(5_000, 1, 2, 1, 0.5, seed: 20), 2);
        var frame = Frame(OneComponent(1.2, 2.1, 0.9, 0.5));
        byte[] cold = renderer.Render(ViewKind.HeatMap, frame, data);
        using var warmed = new MixtureRenderer(Width, Height, backend);
        warmed.WarmUp(ViewKind.HeatMap, data);
        var blank = new byte[Width * Height * 4];
        warmed.Read(blank);
        Assert.All(blank, b => Assert.Equal(255, b));
        Assert.Equal(cold, warmed.Render(ViewKind.HeatMap, frame, data));
    }

    [Fact]
    public void Renderer_SizeOutOfRange_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => MixtureRenderer.ValidateSize(0, 10));
        Assert.Throws<ArgumentOutOfRangeException>(() => MixtureRenderer.ValidateSize(10, 9000));
    }
}
