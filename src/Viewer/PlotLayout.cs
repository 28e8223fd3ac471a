using System.Numerics;
using GmmGpu.Viewer.Rendering;

namespace GmmGpu.Viewer;

/// <summary>
/// Where a 2-D view draws in a frame: the plot area, the colour bar, and the data bounds mapped
/// onto the plot area (x grows right, y grows up). Pixel coordinates: origin top left.
/// </summary>
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
