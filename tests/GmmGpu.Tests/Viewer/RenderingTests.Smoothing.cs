using GmmGpu.Viewer;
using GmmGpu.Viewer.Rendering;
using Xunit;
using static GmmGpu.Tests.Viewer.ViewerFixtures;

namespace GmmGpu.Tests.Viewer;

/// <summary>Anti-aliasing: multisampled edges, and pictures that repeat exactly.</summary>
public sealed partial class RenderingTests
{
    [Fact]
    public void Points_EllipseEdge_IsSmoothed_WithIntermediateShades()
    {
        // Data in two far corners only: the ellipses in the middle lie on white.
        float[] corners = [.. Gaussian2D(2_000, -5, -5, 0.1, 0.1, seed: 30),
            .. Gaussian2D(2_000, 5, 5, 0.1, 0.1, seed: 31)];
        var data = new PlotData(corners, 2);
        var frame = Frame(OneComponent(0, 0, 1.5, 1.0));
        byte[] rgba = renderer.Render(ViewKind.Points, frame, data);
        PlotLayout layout = renderer.PointsLayout(data);
        var color = ColorMaps.Component(0);

        // Around the slanted part of the 2σ ellipse: pixels between the colour and white, as a
        // share s of the colour (a hard edge has only s = 0 and s = 1).
        int between = 0, full = 0;
        var at = layout.ToPixel(2 * 1.5 * Math.Cos(0.7), 2 * 1.0 * Math.Sin(0.7));
        for (int y = (int)at.Y - 12; y <= (int)at.Y + 12; y++)
        {
            for (int x = (int)at.X - 12; x <= (int)at.X + 12; x++)
            {
                var p = Pixel(rgba, Width, x, y);
                double s = (255.0 - p.R) / (255 - (color.X * 255));
                bool tint = Math.Abs(255 + (s * ((color.Z * 255) - 255)) - p.B) <= 4;
                between += tint && s is > 0.15 and < 0.85 ? 1 : 0;
                full += tint && s > 0.97 ? 1 : 0;
            }
        }

        Assert.True(full > 10, $"only {full} pixels in the ellipse's own color");
        Assert.True(between > 10, $"only {between} intermediate pixels: the edge is not smooth");
    }

    [Fact]
    public void Render_Twice_GivesTheSamePixels()
    {
        var data = new PlotData(Gaussian2D(20_000, 0, 0, 1.0, 0.6, seed: 32), 2);
        var frame = Frame(OneComponent(0.1, 0, 1.0, 0.6));
        foreach (ViewKind kind in new[] { ViewKind.Points, ViewKind.Surface })
        {
            byte[] first = renderer.Render(kind, frame, data);
            byte[] second = renderer.Render(kind, frame, data);
            Assert.Equal(first, second);
        }
    }
}
