using GmmGpu.Viewer;
using GmmGpu.Viewer.Rendering;
using Xunit;
using static GmmGpu.Tests.Viewer.ViewerFixtures;

namespace GmmGpu.Tests.Viewer;

public sealed partial class RenderingTests
{
    private static readonly IterationRecord[] TwoIterations =
    [
        new(1, -3.1, double.PositiveInfinity, 100, 120, TimeSpan.Zero),
        new(2, -2.9, 0.2, 95, 115, TimeSpan.Zero),
    ];

    [Fact]
    public void Dashboard_TwoFeatures_EachPanelIsItsViewDrawnAloneAtThePanelSize()
    {
        var data = new PlotData(Gaussian2D(20_000, 1.0, -0.5, 0.8, 0.5, seed: 30), 2);
        var frame = new ViewFrame(OneComponent(1.3, -0.2, 0.8, 0.5), TwoIterations);
        byte[] dashboard = renderer.Render(ViewKind.Dashboard, frame, data);
        IReadOnlyList<DashboardPanel> panels = renderer.DashboardLayout(data);
        Assert.Equal(
            [ViewKind.HeatMap, ViewKind.Points, ViewKind.Surface, ViewKind.Curves],
            panels.Select(p => p.Kind));
        Assert.Equal(new DashboardPanel(ViewKind.Curves, Width / 2, Height / 2, Width / 2,
            Height / 2), panels[3]);
        using var alone = new MixtureRenderer(Width / 2, Height / 2, backend);
        foreach (DashboardPanel panel in panels)
        {
            byte[] expected = alone.Render(panel.Kind, frame, data);
            AssertDrawnAlone(expected, Crop(dashboard, panel), panel.Kind);
        }
    }

    [Fact]
    public void Dashboard_HeatMapPanel_PeakIsAtTheMeansPixelInTheTopLeftQuadrant()
    {
        var data = new PlotData(Gaussian2D(20_000, 1.0, -0.5, 0.8, 0.5, seed: 31), 2);
        // In a small plot every bin near the peak holds points, and their ink would hide it.
        renderer.Settings.ShowData = false;
        byte[] rgba = renderer.Render(ViewKind.Dashboard,
            new ViewFrame(OneComponent(1.3, -0.2, 0.8, 0.5), TwoIterations), data);
        using var quadrant = new MixtureRenderer(Width / 2, Height / 2, backend);
        PlotLayout layout = quadrant.Layout(data);
        var mean = layout.ToPixel(1.3, -0.2);
        (byte r, byte g, byte b) top = ColorMaps.ViridisAt(1);
        // The quadrant's plot area, at the same place in the dashboard as in a frame of its own.
        (double cx, double cy, int count) = CentreOfColor(rgba, Width, layout, top);

        Assert.True(count > 5, $"only {count} pixels have the top color");
        Assert.InRange(cx, mean.X - 2, mean.X + 2);
        Assert.InRange(cy, mean.Y - 2, mean.Y + 2);
    }

    [Fact]
    public void Dashboard_OneFeature_HistogramAndCurvesSideBySide()
    {
        var data = new PlotData(Mixture1D(20_000, 0.6, -1, 0.5, 2, 0.8, seed: 32), 1);
        var parameters = new MixtureParameters(
            CovarianceType.Diagonal, 2, 1, [0.6, 0.4], [-1, 2], [0.25, 0.64]);
        var frame = new ViewFrame(parameters, TwoIterations);
        byte[] dashboard = renderer.Render(ViewKind.Dashboard, frame, data);
        IReadOnlyList<DashboardPanel> panels = renderer.DashboardLayout(data);
        Assert.Equal(
            [new DashboardPanel(ViewKind.Histogram, 0, 0, Width / 2, Height),
                new DashboardPanel(ViewKind.Curves, Width / 2, 0, Width / 2, Height)],
            panels);
        using var alone = new MixtureRenderer(Width / 2, Height, backend);
        AssertDrawnAlone(alone.Render(ViewKind.Histogram, frame, data),
            Crop(dashboard, panels[0]), ViewKind.Histogram);
        AssertDrawnAlone(alone.Render(ViewKind.Curves, frame, data),
            Crop(dashboard, panels[1]), ViewKind.Curves);
    }

    /// <summary>
    /// A dashboard panel is its view drawn alone at the panel's size: the same pixels, but for
    /// the rasteriser's rounding of a few edge pixels (the panel's viewport lies at an offset in
    /// the frame, so vertices snap from other floating-point sums): at most 1 pixel in 2000
    /// differs, by at most 24 of 255 in any channel.
    /// </summary>
    private static void AssertDrawnAlone(byte[] expected, byte[] actual, ViewKind kind)
    {
        Assert.Equal(expected.Length, actual.Length);
        int pixels = 0, most = 0;
        for (int i = 0; i < expected.Length; i += 4)
        {
            int worst = 0;
            for (int c = 0; c < 4; c++)
            {
                worst = Math.Max(worst, Math.Abs(expected[i + c] - actual[i + c]));
            }

            pixels += worst > 0 ? 1 : 0;
            most = Math.Max(most, worst);
        }

        Assert.True(pixels <= expected.Length / 4 / 2000 && most <= 24,
            $"the {kind} panel differs from the {kind} view drawn alone in {pixels} pixels, "
            + $"by up to {most}");
    }

    /// <summary>The panel's pixels of a frame of this class's size, as RGBA, top row first.
    /// </summary>
    private static byte[] Crop(byte[] rgba, DashboardPanel panel)
    {
        var result = new byte[panel.Width * panel.Height * 4];
        for (int y = 0; y < panel.Height; y++)
        {
            rgba.AsSpan((((panel.Top + y) * Width) + panel.Left) * 4, panel.Width * 4)
                .CopyTo(result.AsSpan(y * panel.Width * 4));
        }

        return result;
    }
}
