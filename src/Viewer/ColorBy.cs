namespace GmmGpu.Viewer;

/// <summary>How the points view colours the binned data.</summary>
public enum ColorBy
{
    /// <summary>Point counts through a log colour map.</summary>
    Density,

    /// <summary>
    /// Each bin in the colour of the component most likely for its points (on the two drawn
    /// features), lighter where there are fewer points.
    /// </summary>
    Component,
}
