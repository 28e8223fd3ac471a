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
    public const int TitleScale = 2;

    /// <summary>The layout of a frame for data bounds.</summary>
    public static PlotLayout Create(
        int width, int height, double xMin, double xMax, double yMin, double yMax)
    {
        float top = 12 + (8 * TitleScale) + 12;
        float bottom = height - 30;
        float left = 70;
        float barWidth = Math.Clamp(width * 0.025f, 10, 30);
        float right = width - 40 - barWidth - 70;
        var bar = new RectangleF(right + 30, top, right + 30 + barWidth, bottom);
        return new PlotLayout(width, height, new RectangleF(left, top, right, bottom), bar,
            xMin, xMax, yMin, yMax);
    }

    /// <summary>The data point at pixel position <paramref name="pixel"/>.</summary>
    public (double X, double Y) ToData(Vector2 pixel) => (
        XMin + ((pixel.X - Plot.Left) / Plot.Width * (XMax - XMin)),
        YMin + ((Plot.Bottom - pixel.Y) / Plot.Height * (YMax - YMin)));

    /// <summary>The pixel (centre) of data point (x, y).</summary>
    public Vector2 ToPixel(double x, double y) => new(
        (float)(Plot.Left + ((x - XMin) / (XMax - XMin) * Plot.Width)),
        (float)(Plot.Bottom - ((y - YMin) / (YMax - YMin) * Plot.Height)));
}
