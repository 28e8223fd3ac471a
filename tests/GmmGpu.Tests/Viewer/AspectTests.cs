using GmmGpu.Backends;
using GmmGpu.Engine;
using GmmGpu.Viewer;
using GmmGpu.Viewer.Rendering;
using Xunit;
using static GmmGpu.Tests.Viewer.ViewerFixtures;

namespace GmmGpu.Tests.Viewer;

/// <summary>--aspect: equal draws a round component round over data of unequal ranges.</summary>
public sealed class AspectTests
{
    private const int Width = 1280;
    private const int Height = 720;

    [Theory]
    [InlineData(ViewKind.HeatMap)]
    [InlineData(ViewKind.Points)]
    public void Equal_RoundComponentOverWideData_IsDrawnRound(ViewKind kind)
    {
        // Data three times wider than tall; one spherical component, variance 1.
        var random = new Random(31);
        float[] values = [.. Enumerable.Range(0, 20_000).Select(i =>
            (float)((random.NextDouble() - 0.5) * (i % 2 == 0 ? 18 : 6)))];
        var data = new PlotData(values, 2);
        var frame = Frame(new MixtureParameters(
            CovarianceType.Spherical, 1, 2, [1.0], [0.0, 0.0], [1.0]));
        using IComputeBackend backend = ComputeBackends.Create(ComputeDevice.Cpu);
        using var renderer = new MixtureRenderer(Width, Height, backend)
        {
            Settings = { ShowData = false },
        };

        (int w, int h) = Extent(renderer, kind, frame, data);
        Assert.True(Math.Abs(w - h) > 20, $"auto: {w}x{h} px should follow the plot's shape");

        renderer.Settings.Aspect = Aspect.Equal;
        (w, h) = Extent(renderer, kind, frame, data);
        Assert.InRange(w - h, -2, 2);
        PlotLayout layout = renderer.Layout(data);
        Assert.InRange(layout.Plot.Width / (layout.XMax - layout.XMin),
            0.99 * layout.Plot.Height / (layout.YMax - layout.YMin),
            1.01 * layout.Plot.Height / (layout.YMax - layout.YMin));
        // Centred in the picture's width: a 3:1 plot is narrower than the 16:9 frame allows.
        Assert.True(layout.Plot.Height < Height - 80);
    }

    /// <summary>
    /// Pixel width and height of the component: on the heat map the region above the lowest
    /// filled level, on the points view its 3σ ellipse, found along the rows and columns
    /// through its mean.
    /// </summary>
    private static (int Width, int Height) Extent(
        MixtureRenderer renderer, ViewKind kind, ViewFrame frame, PlotData data)
    {
        byte[] rgba = renderer.Render(kind, frame, data);
        PlotLayout layout = kind == ViewKind.Points ? renderer.PointsLayout(data)
            : renderer.Layout(data);
        var centre = layout.ToPixel(0, 0);
        int cx = (int)centre.X, cy = (int)centre.Y;
        (byte R, byte G, byte B) background = kind == ViewKind.Points
            ? ((byte)255, (byte)255, (byte)255)
            : ColorMaps.ViridisAt(0);
        var color = ColorMaps.Component(0);
        var ellipse = ((byte)(color.X * 255), (byte)(color.Y * 255), (byte)(color.Z * 255));
        bool Inked(int x, int y) => kind == ViewKind.Points
            ? Pixel(rgba, Width, x, y) == ellipse
            : Pixel(rgba, Width, x, y) != background;
        int Outermost(int from, int to, Func<int, bool> inked)
        {
            int step = Math.Sign(to - from), last = from;
            for (int i = from; i != to; i += step)
            {
                last = inked(i) ? i : last;
            }

            return last;
        }

        // Inside the plot's frame, away from its 1-pixel border.
        int left = (int)layout.Plot.Left + 3, right = (int)layout.Plot.Right - 3;
        int top = (int)layout.Plot.Top + 3, bottom = (int)layout.Plot.Bottom - 3;
        int x0 = Outermost(cx, left, x => Inked(x, cy));
        int x1 = Outermost(cx, right, x => Inked(x, cy));
        int y0 = Outermost(cy, top, y => Inked(cx, y));
        int y1 = Outermost(cy, bottom, y => Inked(cx, y));
        Assert.True(x0 > left && x1 < right && y0 > top && y1 < bottom,
            $"{kind}: the component reaches the plot's edge ({x0}..{x1}, {y0}..{y1})");
        return (x1 - x0, y1 - y0);
    }
}
