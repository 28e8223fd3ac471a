namespace GmmGpu.Viewer;

/// <summary>The region of the two drawn features that a zoomed-in view shows.</summary>
public readonly record struct DataWindow(double XMin, double XMax, double YMin, double YMax)
{
    /// <summary>
    /// This window magnified by <paramref name="factor"/> (&gt; 1 zooms in) about the point
    /// (x, y), which stays where it is on screen.
    /// </summary>
    public DataWindow Zoom(double factor, double x, double y)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(factor);
        return new DataWindow(x - ((x - XMin) / factor), x + ((XMax - x) / factor),
            y - ((y - YMin) / factor), y + ((YMax - y) / factor));
    }
}
