using System.Numerics;
using GmmGpu.Viewer.Rendering;

namespace GmmGpu.Viewer;

/// <summary>
/// Where a 2-D view draws in a frame: the plot area, the colour bar, and the data bounds mapped
/// onto the plot area (x grows right, y grows up). Pixel coordinates: origin top left.
/// </summary>
/// <param name="Width">Width of the frame (or panel) in pixels.</param>
/// <param name="Height">Height of the frame (or panel) in pixels.</param>
/// <param name="Plot">The plot area, in pixels.</param>
/// <param name="ColorBar">The colour bar right of the plot, in pixels (as tall as the
/// plot).</param>
/// <param name="XMin">The x value at the plot's left edge, in the data's units (counted from
/// the data's origin, see <see cref="PlotData.Origin"/>).</param>
/// <param name="XMax">The x value at the plot's right edge, &gt; <paramref name="XMin"/>.
/// </param>
/// <param name="YMin">The y value at the plot's bottom edge.</param>
/// <param name="YMax">The y value at the plot's top edge, &gt; <paramref name="YMin"/>.
/// </param>
public sealed record PlotLayout(
    int Width, int Height, RectangleF Plot, RectangleF ColorBar,
    double XMin, double XMax, double YMin, double YMax)
{
    /// <summary>The data point at pixel position <paramref name="pixel"/>.</summary>
    public (double X, double Y) ToData(Vector2 pixel) => (
        XMin + ((pixel.X - Plot.Left) / Plot.Width * (XMax - XMin)),
        YMin + ((Plot.Bottom - pixel.Y) / Plot.Height * (YMax - YMin)));

    /// <summary>The pixel (centre) of data point (x, y).</summary>
    public Vector2 ToPixel(double x, double y) => new(
        (float)(Plot.Left + ((x - XMin) / (XMax - XMin) * Plot.Width)),
        (float)(Plot.Bottom - ((y - YMin) / (YMax - YMin) * Plot.Height)));
}
