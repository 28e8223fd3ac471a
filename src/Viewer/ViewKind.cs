namespace GmmGpu.Viewer;

/// <summary>What a frame shows.</summary>
public enum ViewKind
{
    /// <summary>Mixture density as filled levels, contour lines and a colour bar (2-D).</summary>
    HeatMap,

    /// <summary>
    /// The data binned into a log-coloured 2-D histogram, with 1/2/3σ ellipses (2-D).
    /// </summary>
    Points,

    /// <summary>Histogram of one feature with component and mixture densities (1-D).</summary>
    Histogram,

    /// <summary>A lit 3-D density surface seen by an orbit camera (2-D).</summary>
    Surface,

    /// <summary>Log-likelihood, AIC and BIC per iteration.</summary>
    Curves,

    /// <summary>
    /// Several views at once, each in its own panel with its own title and axes: heat map,
    /// points, surface and curves in a 2×2 grid for 2-D data; histogram and curves side by side
    /// for 1-D data.
    /// </summary>
    Dashboard,
}
