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
        renderer.SurfaceCamera = OrbitCamera.Default.Drag(100, 0);
        byte[] turned = renderer.Render(ViewKind.Surface, frame, data);
        renderer.SurfaceCamera = OrbitCamera.Default.Drag(0, 0);
        byte[] unturned = renderer.Render(ViewKind.Surface, frame, data);
        renderer.SurfaceCamera = OrbitCamera.Default;

        int changed = Enumerable.Range(0, start.Length).Count(i => start[i] != turned[i]);
        Assert.True(changed > start.Length / 100, $"only {changed} bytes changed");
        Assert.Equal(start, unturned);
        // The turned camera's own projection places the peak: it is drawn above the mean.
        var peak = renderer.SurfacePixel(data, 0.5, 0, height: 0.9);
        renderer.SurfaceCamera = OrbitCamera.Default.Drag(100, 0);
        var turnedPeak = renderer.SurfacePixel(data, 0.5, 0, height: 0.9);
        renderer.SurfaceCamera = OrbitCamera.Default;
        Assert.NotEqual(((byte)255, (byte)255, (byte)255),
            Pixel(turned, Width, (int)turnedPeak.X, (int)turnedPeak.Y));
        Assert.NotEqual(peak, turnedPeak);
    }
}
