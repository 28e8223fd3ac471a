using GmmGpu.Viewer;
using Xunit;
using static GmmGpu.Tests.Viewer.ViewerFixtures;

namespace GmmGpu.Tests.Viewer;

/// <summary>The surface view: its peak, the data on its floor and its camera.</summary>
public sealed partial class RenderingTests
{
    [Fact]
    public void Surface_DataOnTheFloor_AndThePeakAboveTheMean()
    {
        float[] a = Gaussian2D(20_000, -2, -2, 0.3, 0.3, seed: 16);
        float[] b = Gaussian2D(20_000, 2.5, 2.5, 0.3, 0.3, seed: 17);
        var data = new PlotData(a.Concat(b).ToArray(), 2);
        byte[] rgba =
            renderer.Render(ViewKind.Surface, Frame(OneComponent(-2, -2, 0.3, 0.3)), data);
        (byte R, byte G, byte B) At(System.Numerics.Vector2 p) =>
            Pixel(rgba, Width, (int)p.X, (int)p.Y);
        const byte floor = 237; // 0.93 of white
        const byte background = 255;

        // Blob B, where the model has no mass, is ink on the floor; an empty spot is bare floor.
        var onB = At(renderer.SurfacePixel(data, 2.5, 2.5));
        Assert.True(onB.R < floor - 40 && onB.G >= onB.R && onB.B > onB.G,
            $"no data on the floor: {onB}");
        Assert.Equal((floor, floor, floor), At(renderer.SurfacePixel(data, 2.5, -2.5)));
        // The peak rises to the density's maximum above the mean, and no higher.
        Assert.NotEqual((background, background, background),
            At(renderer.SurfacePixel(data, -2, -2, height: 0.97)));
        Assert.Equal((background, background, background),
            At(renderer.SurfacePixel(data, -2, -2, height: 1.1)));
    }

    [Fact]
    public void Surface_CameraTurned_DrawsAnotherPicture_AndNoTurnTheDefault()
    {
        var data = new PlotData(Gaussian2D(10_000, 0.5, 0, 1, 0.4, seed: 19), 2);
        var frame = Frame(OneComponent(0.5, 0, 1, 0.4));
        byte[] start = renderer.Render(ViewKind.Surface, frame, data);
        renderer.Settings.SurfaceCamera = OrbitCamera.Default.Drag(100, 0);
        byte[] turned = renderer.Render(ViewKind.Surface, frame, data);
        renderer.Settings.SurfaceCamera = OrbitCamera.Default.Drag(0, 0);
        byte[] unturned = renderer.Render(ViewKind.Surface, frame, data);
        renderer.Settings.SurfaceCamera = OrbitCamera.Default;

        int changed = Enumerable.Range(0, start.Length).Count(i => start[i] != turned[i]);
        Assert.True(changed > start.Length / 100, $"only {changed} bytes changed");
        Assert.Equal(start, unturned);
        // The turned camera's own projection places the peak: it is drawn above the mean.
        var peak = renderer.SurfacePixel(data, 0.5, 0, height: 0.9);
        renderer.Settings.SurfaceCamera = OrbitCamera.Default.Drag(100, 0);
        var turnedPeak = renderer.SurfacePixel(data, 0.5, 0, height: 0.9);
        renderer.Settings.SurfaceCamera = OrbitCamera.Default;
        Assert.NotEqual(((byte)255, (byte)255, (byte)255),
            Pixel(turned, Width, (int)turnedPeak.X, (int)turnedPeak.Y));
        Assert.NotEqual(peak, turnedPeak);
    }

    [Theory]
    [InlineData(640, 480)]
    [InlineData(1280, 720)]
    [InlineData(1920, 1080)]
    [InlineData(400, 300)]
    public void Surface_FloorCorners_InsideThePicture_AtEveryAngle(int width, int height)
    {
        using var sized = new MixtureRenderer(width, height, backend);
        var data = new PlotData(Gaussian2D(2_000, 0, 0, 1, 1, seed: 33), 2);
        (double xMin, double xMax) = data.Range(0);
        (double yMin, double yMax) = data.Range(1);
        var area = sized.SurfaceArea();
        foreach (float azimuth in new[] { -60f, 0, 30, 45, 90, 135, 200, 315 })
        {
            foreach (float elevation in new[] { 5f, 35, 60, 89 })
            {
                sized.Settings.SurfaceCamera = new OrbitCamera(azimuth, elevation, 3.6f);
                foreach (double x in new[] { xMin, xMax })
                {
                    foreach (double y in new[] { yMin, yMax })
                    {
                        foreach (double z in new[] { 0.0, 1.0 })
                        {
                            var p = sized.SurfacePixel(data, x, y, z);
                            Assert.True(p.X >= area.Left - 0.5 && p.X <= area.Right + 0.5
                                && p.Y >= area.Top - 0.5 && p.Y <= area.Bottom + 0.5,
                                $"{width}x{height} azimuth {azimuth} elevation {elevation}: "
                                + $"corner ({x}, {y}, {z}) at {p} is outside {area}");
                        }
                    }
                }
            }
        }

        // Inside, and filling it: the fit is tight on at least one side.
        Assert.True(area.Left > 0 && area.Right < width && area.Top > 0 && area.Bottom < height);
        sized.Settings.SurfaceCamera = OrbitCamera.Default;
        float[] xs = [.. Corners().Select(c => c.X)], ys = [.. Corners().Select(c => c.Y)];
        Assert.True(xs.Max() - xs.Min() > 0.7 * area.Width || ys.Max() - ys.Min() > 0.7 * area.Height,
            "the box is much smaller than its area");

        IEnumerable<System.Numerics.Vector2> Corners() =>
            from x in new[] { xMin, xMax } from y in new[] { yMin, yMax }
            from z in new[] { 0.0, 1.0 } select sized.SurfacePixel(data, x, y, z);
    }
}
