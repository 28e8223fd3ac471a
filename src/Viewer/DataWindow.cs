namespace GmmGpu.Viewer;

/// <summary>The region of the two drawn features that a zoomed-in view shows.</summary>
/// <param name="XMin">Left edge, in the data's units of the x feature.</param>
/// <param name="XMax">Right edge, &gt; <paramref name="XMin"/>.</param>
/// <param name="YMin">Bottom edge, in the data's units of the y feature.</param>
/// <param name="YMax">Top edge, &gt; <paramref name="YMin"/>.</param>
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
