using GmmGpu.Viewer;
using GmmGpu.Viewer.Rendering;
using Xunit;
using static GmmGpu.Tests.Viewer.ViewerFixtures;

namespace GmmGpu.Tests.Viewer;

public sealed partial class RenderingTests
{
    [Fact]
    public void HeatMap_OnPrincipalAxesOf5D_PeakIsAtTheProjectedMeansPixel()
    {
        PlotData data = PlotData.OnPrincipalAxes(PrincipalAxesTests.RotatedBlob(20_000, 5), 5);
        PrincipalAxes axes = data.Axes!;
        // A component 2 along PC1 and 1 along PC2 from the data's mean.
        double[] mean = [.. Enumerable.Range(0, 5).Select(f =>
            axes.Mean[f] + (2 * axes.Axis(0, f)) + axes.Axis(1, f))];
        double[] covariance = [.. Enumerable.Range(0, 25).Select(i => i % 6 == 0 ? 0.25 : 0)];
        var parameters = new MixtureParameters(
            CovarianceType.Full, 1, 5, [1.0], mean, covariance);
        renderer.Settings.ShowData = false;

        byte[] rgba = renderer.Render(ViewKind.HeatMap, Frame(parameters), data);

        PlotLayout layout = renderer.Layout(data);
        var expected = layout.ToPixel(2, 1);
        (byte r, byte g, byte b) top = ColorMaps.ViridisAt(1);
        (double cx, double cy, int count) = CentreOfColor(rgba, Width, layout, top);

        Assert.True(count > 5, $"only {count} pixels have the top color");
        Assert.InRange(cx, expected.X - 2, expected.X + 2);
        Assert.InRange(cy, expected.Y - 2, expected.Y + 2);
        Assert.Equal(rgba, renderer.Render(ViewKind.HeatMap, Frame(parameters), data));
    }

    [Fact]
    public void Render_ModelOfOtherDimensionThanTheAxes_Throws()
    {
        PlotData data = PlotData.OnPrincipalAxes(PrincipalAxesTests.RotatedBlob(1_000, 6), 5);
        var ex = Assert.Throws<ArgumentException>(() => renderer.Render(
            ViewKind.Points, Frame(OneComponent(0, 0, 1, 1)), data));
        Assert.Contains("D=2", ex.Message, StringComparison.Ordinal);
    }
}
