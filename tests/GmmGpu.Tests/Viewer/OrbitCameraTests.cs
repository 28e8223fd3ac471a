using System.Numerics;
using GmmGpu.Viewer;
using Xunit;

namespace GmmGpu.Tests.Viewer;

public sealed class OrbitCameraTests
{
    [Theory]
    [InlineData(10, 0)]
    [InlineData(-250, 3)]
    [InlineData(0.5, -2)]
    public void Drag_ByDx_TurnsTheYawByMinusKTimesDx(double dx, double dy)
    {
        OrbitCamera moved = OrbitCamera.Default.Drag(dx, dy);
        Assert.Equal(OrbitCamera.Default.Azimuth - (OrbitCamera.DegreesPerPixel * dx),
            moved.Azimuth, 4);
        Assert.Equal(OrbitCamera.Default.Elevation + (OrbitCamera.DegreesPerPixel * dy),
            moved.Elevation, 4);
        Assert.Equal(OrbitCamera.Default.Distance, moved.Distance);
    }

    [Fact]
    public void Drag_FarUpOrDown_ClampsThePitch()
    {
        Assert.Equal(OrbitCamera.MaxElevation, OrbitCamera.Default.Drag(0, 10_000).Elevation);
        Assert.Equal(OrbitCamera.MinElevation, OrbitCamera.Default.Drag(0, -10_000).Elevation);
        // Back from the limit at once: the clamp kept no excess.
        OrbitCamera top = OrbitCamera.Default.Drag(0, 10_000).Drag(0, -10);
        Assert.Equal(OrbitCamera.MaxElevation - (10 * OrbitCamera.DegreesPerPixel),
            top.Elevation, 4);
    }

    [Fact]
    public void Zoom_StepsIn_DividesTheDistance_AndClamps()
    {
        Assert.Equal(OrbitCamera.Default.Distance / (OrbitCamera.ZoomPerStep
            * OrbitCamera.ZoomPerStep), OrbitCamera.Default.Zoom(2).Distance, 4);
        Assert.Equal(OrbitCamera.Default.Distance, OrbitCamera.Default.Zoom(2).Zoom(-2).Distance,
            4);
        Assert.Equal(OrbitCamera.MinDistance, OrbitCamera.Default.Zoom(100).Distance);
        Assert.Equal(OrbitCamera.MaxDistance, OrbitCamera.Default.Zoom(-100).Distance);
    }

    [Fact]
    public void Drag_ThereAndBack_ReturnsToTheDefault()
    {
        OrbitCamera back = OrbitCamera.Default.Drag(37, 12).Drag(-37, -12);
        Assert.Equal(OrbitCamera.Default.Azimuth, back.Azimuth, 4);
        Assert.Equal(OrbitCamera.Default.Elevation, back.Elevation, 4);
    }

    [Fact]
    public void ViewProjection_Target_IsInTheMiddleOfTheFrame_FromAnyAngle()
    {
        foreach (OrbitCamera camera in new[]
            { OrbitCamera.Default, OrbitCamera.Default.Drag(300, -40).Zoom(3) })
        {
            Vector4 clip = Vector4.Transform(new Vector4(0, 0, 0.3f, 1),
                camera.ViewProjection(16f / 9));
            Assert.Equal(0, clip.X / clip.W, 4);
            Assert.Equal(0, clip.Y / clip.W, 4);
        }
    }
}
