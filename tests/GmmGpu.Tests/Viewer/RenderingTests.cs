using GmmGpu.Backends;
using GmmGpu.Engine;
using GmmGpu.Viewer;
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
        double sx = 0, sy = 0;
        int count = 0;
        for (int y = (int)layout.Plot.Top; y < (int)layout.Plot.Bottom; y++)
        {
            for (int x = (int)layout.Plot.Left; x < (int)layout.Plot.Right; x++)
            {
                if (Pixel(rgba, Width, x, y) == top)
                {
                    sx += x + 0.5;
                    sy += y + 0.5;
                    count++;
                }
            }
        }

        Assert.True(count > 10, $"only {count} pixels have the top colour");
        var mean = layout.ToPixel(1.3, -0.2);
        Assert.InRange(sx / count, mean.X - 2, mean.X + 2);
        Assert.InRange(sy / count, mean.Y - 2, mean.Y + 2);
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
        double sx = 0, sy = 0;
        int count = 0;
        for (int y = (int)layout.Plot.Top; y < (int)layout.Plot.Bottom; y++)
        {
            for (int x = (int)layout.Plot.Left; x < (int)layout.Plot.Right; x++)
            {
                if (Pixel(rgba, Width, x, y) == top)
                {
                    (sx, sy, count) = (sx + x + 0.5, sy + y + 0.5, count + 1);
                }
            }
        }

        var mean = layout.ToPixel(0.5, -1.0);
        Assert.True(count > 10);
        Assert.InRange(sx / count, mean.X - 2, mean.X + 2);
        Assert.InRange(sy / count, mean.Y - 2, mean.Y + 2);
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
        renderer.ShowData = false;
        byte[] without = renderer.Render(ViewKind.HeatMap, frame, data);
        renderer.ShowData = true;

        Assert.Equal(lowest, Pixel(without, Width, (int)onB.X, (int)onB.Y));
        Assert.Equal(lowest, Pixel(with, Width, (int)empty.X, (int)empty.Y));
        // White ink at 50-100% of the overlay's alpha over the lowest level.
        var pixel = Pixel(with, Width, (int)onB.X, (int)onB.Y);
        double share = (pixel.G - lowest.G) / (255.0 - lowest.G);
        double ink = MixtureRenderer.DataOverlayInk.W;
        Assert.InRange(share, (0.5 * ink) - 0.02, ink + 0.02);
        Assert.InRange(pixel.R, lowest.R + (share * (255 - lowest.R)) - 3,
            lowest.R + (share * (255 - lowest.R)) + 3);
    }

    [Fact]
    public void HeatMap_ColourBarEnds_HaveTheColourMapsEndColours()
    {
        var data = new PlotData(Gaussian2D(5_000, 0, 0, 1, 1, seed: 2), 2);
        byte[] rgba = renderer.Render(ViewKind.HeatMap, Frame(OneComponent(0, 0, 1, 1)), data);
        RectangleF bar = renderer.Layout(data).ColorBar;
        int x = (int)((bar.Left + bar.Right) / 2);
        Assert.Equal(ColorMaps.ViridisAt(0), Pixel(rgba, Width, x, (int)bar.Bottom - 1));
        Assert.Equal(ColorMaps.ViridisAt(1), Pixel(rgba, Width, x, (int)bar.Top + 1));
    }

    [Fact]
    public void Points_TwoSigmaEllipse_LiesAtTwoDeviations()
    {
        var data = new PlotData(Gaussian2D(50_000, 0, 0, 1.0, 0.6, seed: 3), 2);
        var parameters = OneComponent(0.2, 0.1, 1.0, 0.6);
        byte[] rgba = renderer.Render(ViewKind.Points, Frame(parameters), data);
        PlotLayout layout = renderer.Layout(data);
        var colour = ColorMaps.Component(0);
        var expected = ((byte)(colour.X * 255), (byte)(colour.Y * 255), (byte)(colour.Z * 255));
        var onX = layout.ToPixel(0.2 + 2.0, 0.1);
        var onY = layout.ToPixel(0.2, 0.1 + (2 * 0.6));
        var between = layout.ToPixel(0.2 + 2.5, 0.1);
        Assert.Equal(expected, Pixel(rgba, Width, (int)onX.X, (int)onX.Y));
        Assert.Equal(expected, Pixel(rgba, Width, (int)onY.X, (int)onY.Y));
        Assert.NotEqual(expected, Pixel(rgba, Width, (int)between.X, (int)between.Y));
    }

    [Fact]
    public void Points_ColorByComponent_DataNearEachMeanHasThatComponentsColour()
    {
        // Component 0 is the right-hand blob, so colours follow the model, not data order.
        float[] left = Gaussian2D(30_000, -3, 0, 0.5, 0.5, seed: 12);
        float[] right = Gaussian2D(30_000, 3, 0, 0.5, 0.5, seed: 13);
        var data = new PlotData(left.Concat(right).ToArray(), 2);
        var parameters = new MixtureParameters(
            CovarianceType.Spherical, 2, 2, [0.5, 0.5], [3.0, 0.0, -3.0, 0.0], [0.25, 0.25]);
        renderer.PointsColorBy = ColorBy.Component;
        byte[] rgba = renderer.Render(ViewKind.Points, Frame(parameters), data);
        renderer.PointsColorBy = ColorBy.Density;
        PlotLayout layout = renderer.Layout(data);

        for (int k = 0; k < 2; k++)
        {
            // Half a deviation from the mean: dense data, clear of the marker and the ellipses.
            var at = layout.ToPixel(parameters.MeansArray[2 * k], 0.25);
            var pixel = Pixel(rgba, Width, (int)at.X, (int)at.Y);
            Assert.True(IsTintOf(pixel, ColorMaps.Component(k)),
                $"component {k}: pixel {pixel} is not a tint of its colour");
            Assert.False(IsTintOf(pixel, ColorMaps.Component(1 - k)),
                $"component {k}: pixel {pixel} has the other component's colour");
        }

        var gap = layout.ToPixel(0, 0);
        Assert.Equal(((byte)255, (byte)255, (byte)255), Pixel(rgba, Width, (int)gap.X, (int)gap.Y));
    }

    [Fact]
    public void Points_ZoomedIn_DrawsEachSampledPointAsADot()
    {
        var random = new Random(18);
        float[] values = [.. Enumerable.Range(0, 4000).Select(_ => (float)(random.NextDouble() * 10))];
        var data = new PlotData(values, 2);
        // The model sits far outside the window, so no ellipse or marker covers a dot.
        var frame = Frame(OneComponent(9.5, 9.5, 0.05, 0.05));
        renderer.PointsWindow = new DataWindow(1, 3, 1, 3);
        PlotLayout layout = renderer.PointsLayout(data);
        byte[] rgba = renderer.Render(ViewKind.Points, frame, data);
        renderer.PointsWindow = null;

        var ink = MixtureRenderer.SampleInk;
        var inkRgb = ((byte)Math.Round(ink.X * 255), (byte)Math.Round(ink.Y * 255),
            (byte)Math.Round(ink.Z * 255));
        int inside = 0;
        for (int i = 0; i < values.Length; i += 2)
        {
            if (values[i] is > 1.05f and < 2.95f && values[i + 1] is > 1.05f and < 2.95f)
            {
                var p = layout.ToPixel(values[i], values[i + 1]);
                Assert.Equal(inkRgb, Pixel(rgba, Width, (int)p.X, (int)p.Y));
                inside++;
            }
        }

        int inked = 0;
        for (int y = (int)layout.Plot.Top + 1; y < (int)layout.Plot.Bottom - 1; y++)
        {
            for (int x = (int)layout.Plot.Left + 1; x < (int)layout.Plot.Right - 1; x++)
            {
                inked += Pixel(rgba, Width, x, y) == inkRgb ? 1 : 0;
            }
        }

        // Single dots of 3×3 pixels each, on white: not a density image.
        Assert.True(inside > 50, $"only {inside} points in the window");
        Assert.InRange(inked, 0.8 * 9 * inside, 9 * (inside + 8));
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
        var bar = MixtureRenderer.BarColour;
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

    /// <summary>
    /// Whether <paramref name="pixel"/> is white mixed with <paramref name="colour"/> by at
    /// least a quarter, within 3 levels per channel.
    /// </summary>
    private static bool IsTintOf((byte R, byte G, byte B) pixel, System.Numerics.Vector4 colour)
    {
        double[] target = [colour.X * 255, colour.Y * 255, colour.Z * 255];
        double[] actual = [pixel.R, pixel.G, pixel.B];
        // The share s of the colour, from the channel furthest from white.
        int c = Array.IndexOf(target, target.Min());
        double s = (255 - actual[c]) / (255 - target[c]);
        return s >= 0.24 && s <= 1.01
            && Enumerable.Range(0, 3).All(i =>
                Math.Abs(255 + (s * (target[i] - 255)) - actual[i]) <= 3);
    }

    [Fact]
    public void WarmUp_ThenAFrame_GivesTheFrameAColdRendererDraws()
    {
        var data = new PlotData(Gaussian2D(5_000, 1, 2, 1, 0.5, seed: 20), 2);
        var frame = Frame(OneComponent(1.2, 2.1, 0.9, 0.5));
        byte[] cold = renderer.Render(ViewKind.HeatMap, frame, data);
        using var warmed = new MixtureRenderer(Width, Height, backend);
        warmed.WarmUp(ViewKind.HeatMap, data);
        Assert.Equal(cold, warmed.Render(ViewKind.HeatMap, frame, data));
    }

    [Fact]
    public void Renderer_SizeOutOfRange_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => MixtureRenderer.ValidateSize(0, 10));
        Assert.Throws<ArgumentOutOfRangeException>(() => MixtureRenderer.ValidateSize(10, 9000));
    }
}
