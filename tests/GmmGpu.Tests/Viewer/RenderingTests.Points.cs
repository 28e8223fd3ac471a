using GmmGpu.Viewer;
using GmmGpu.Viewer.Views;
using GmmGpu.Viewer.Rendering;
using Xunit;
using static GmmGpu.Tests.Viewer.ViewerFixtures;

namespace GmmGpu.Tests.Viewer;

/// <summary>The points view: ellipses, colours by component, the zoomed-in sample.</summary>
public sealed partial class RenderingTests
{
    [Fact]
    public void Points_TwoSigmaEllipse_LiesAtTwoDeviations()
    {
        var data = new PlotData(Gaussian2D(50_000, 0, 0, 1.0, 0.6, seed: 3), 2);
        var parameters = OneComponent(0.2, 0.1, 1.0, 0.6);
        byte[] rgba = renderer.Render(ViewKind.Points, Frame(parameters), data);
        PlotLayout layout = renderer.PointsLayout(data);
        var color = ColorMaps.Component(0);
        var expected = ((byte)(color.X * 255), (byte)(color.Y * 255), (byte)(color.Z * 255));
        var onX = layout.ToPixel(0.2 + 2.0, 0.1);
        var onY = layout.ToPixel(0.2, 0.1 + (2 * 0.6));
        var between = layout.ToPixel(0.2 + 2.5, 0.1);
        Assert.Equal(expected, Pixel(rgba, Width, (int)onX.X, (int)onX.Y));
        Assert.Equal(expected, Pixel(rgba, Width, (int)onY.X, (int)onY.Y));
        Assert.NotEqual(expected, Pixel(rgba, Width, (int)between.X, (int)between.Y));
    }

    [Fact]
    public void Points_ColorByComponent_DataNearEachMeanHasThatComponentsColor()
    {
        // Component 0 is the right-hand blob, so colours follow the model, not data order.
        float[] left = Gaussian2D(30_000, -3, 0, 0.5, 0.5, seed: 12);
        float[] right = Gaussian2D(30_000, 3, 0, 0.5, 0.5, seed: 13);
        var data = new PlotData(left.Concat(right).ToArray(), 2);
        var parameters = new MixtureParameters(
            CovarianceType.Spherical, 2, 2, [0.5, 0.5], [3.0, 0.0, -3.0, 0.0], [0.25, 0.25]);
        renderer.Settings.PointsColorBy = ColorBy.Component;
        byte[] rgba = renderer.Render(ViewKind.Points, Frame(parameters), data);
        PlotLayout layout = renderer.PointsLayout(data);
        renderer.Settings.PointsColorBy = ColorBy.Density;

        for (int k = 0; k < 2; k++)
        {
            // Half a deviation from the mean: dense data, clear of the marker and the ellipses.
            var at = layout.ToPixel(parameters.MeansArray[2 * k], 0.25);
            var pixel = Pixel(rgba, Width, (int)at.X, (int)at.Y);
            Assert.True(IsTintOf(pixel, ColorMaps.Component(k)),
                $"component {k}: pixel {pixel} is not a tint of its color");
            Assert.False(IsTintOf(pixel, ColorMaps.Component(1 - k)),
                $"component {k}: pixel {pixel} has the other component's color");
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
        renderer.Settings.PointsWindow = new DataWindow(1, 3, 1, 3);
        PlotLayout layout = renderer.PointsLayout(data);
        byte[] rgba = renderer.Render(ViewKind.Points, frame, data);
        renderer.Settings.PointsWindow = null;

        var ink = PointsView.SampleInk;
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

        // Single round dots 3 pixels across (about π pixels in full ink, a smooth edge round
        // them), on white: not a density image.
        Assert.True(inside > 50, $"only {inside} points in the window");
        Assert.InRange(inked, 2 * inside, 5 * (inside + 8));
    }

    [Fact]
    public void Points_ColorByComponent_EllipsesHaveADarkEdgeOverTheirOwnColor()
    {
        var data = new PlotData(Gaussian2D(100_000, 0, 0, 1.0, 0.6, seed: 21), 2);
        var frame = Frame(OneComponent(0, 0, 1.0, 0.6));
        var color = ColorMaps.Component(0);
        var core = ((byte)(color.X * 255), (byte)(color.Y * 255), (byte)(color.Z * 255));
        renderer.Settings.PointsColorBy = ColorBy.Component;
        // Coloured by component, the legend stands beside the plot: the layout is its own.
        PlotLayout layout = renderer.PointsLayout(data);
        byte[] rgba = renderer.Render(ViewKind.Points, frame, data);
        renderer.Settings.PointsColorBy = ColorBy.Density;

        // Across the 1σ ellipse where it is upright: tint, dark edge, colour, dark edge, tint.
        var on = layout.ToPixel(1.0, 0);
        int y = (int)on.Y, x0 = (int)on.X;
        int first = Enumerable.Range(x0 - 3, 7).First(x => Pixel(rgba, Width, x, y) == core);
        int last = Enumerable.Range(x0 - 3, 7).Last(x => Pixel(rgba, Width, x, y) == core);
        Assert.InRange(last - first + 1, 1, (int)PointsView.EllipseWidth + 1);
        // Smoothed, the 1.5-pixel edge is mostly in one pixel each side: dark, whatever the
        // ellipse's sub-pixel position.
        foreach (int[] side in new[] { new[] { first - 1, first - 2 }, [last + 1, last + 2] })
        {
            int darkest = side.Min(x =>
            {
                var p = Pixel(rgba, Width, x, y);
                return (int)Math.Max(p.R, Math.Max(p.G, p.B));
            });
            Assert.True(darkest < 90, $"no dark pixel beside the ellipse at x={side[0]}");
        }

        foreach (int x in new[] { first - 5, last + 5 })
        {
            Assert.True(IsTintOf(Pixel(rgba, Width, x, y), color),
                $"the data beside the ellipse at x={x} is not the component's color");
        }
    }

    /// <summary>
    /// Whether <paramref name="pixel"/> is white mixed with <paramref name="color"/> by at
    /// least a quarter, within 3 levels per channel.
    /// </summary>
    private static bool IsTintOf((byte R, byte G, byte B) pixel, System.Numerics.Vector4 color)
    {
        double[] target = [color.X * 255, color.Y * 255, color.Z * 255];
        double[] actual = [pixel.R, pixel.G, pixel.B];
        // The share s of the colour, from the channel furthest from white.
        int c = Array.IndexOf(target, target.Min());
        double s = (255 - actual[c]) / (255 - target[c]);
        return s >= 0.24 && s <= 1.01
            && Enumerable.Range(0, 3).All(i =>
                Math.Abs(255 + (s * (target[i] - 255)) - actual[i]) <= 3);
    }
}
