namespace GmmGpu.Viewer;

/// <summary>
/// What the views are told beyond the frame and the data: one instance per renderer
/// (<see cref="MixtureRenderer.Settings"/>), read by every view (the dashboard's panels too),
/// set between frames.
/// </summary>
public sealed class ViewSettings
{
    private double? densityScale;

    /// <summary>Where the surface view is seen from.</summary>
    public OrbitCamera SurfaceCamera { get; set; } = OrbitCamera.Default;

    /// <summary>How the points view colours the data (default: by density).</summary>
    public ColorBy PointsColorBy { get; set; } = ColorBy.Density;

    /// <summary>
    /// The region the points view shows, in the data's units: null (the default) shows all the
    /// data as an image of counts; a window (zoomed in) shows a sample of at most 100,000 rows
    /// point by point, so single points can be seen.
    /// </summary>
    public DataWindow? PointsWindow { get; set; }

    /// <summary>
    /// Most filled density levels of the heat map (contour lines lie between them), ≥ 1
    /// (fewer is taken as 1); default 10. The levels' edges are round numbers, so there may be
    /// fewer.
    /// </summary>
    public int Levels { get; set; } = 10;

    /// <summary>
    /// How the heat map, points and surface views scale their two features: equal gives one
    /// unit the same length on both axes (on the surface, along its floor). Default: auto.
    /// </summary>
    public Aspect Aspect { get; set; } = Aspect.Auto;

    /// <summary>
    /// Whether the heat map and surface views draw the data too (default true): a light
    /// overlay of the binned points on the heat map, their density on the surface's floor.
    /// </summary>
    public bool ShowData { get; set; } = true;

    /// <summary>
    /// The density at the top of the heat map's and the surface's colour scale, and the top of
    /// the histogram's axis (÷ 1.1), in the model's density units (per unit area of the two
    /// drawn features; per unit length for the histogram); null (the default) takes each
    /// frame's own peak. An animation fixes it, so that a colour means the same density in every
    /// frame. &gt; 0.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">Not positive and finite.</exception>
    public double? DensityScale
    {
        get => densityScale;
        set
        {
            if (value is { } v && !(v > 0 && double.IsFinite(v)))
            {
                throw new ArgumentOutOfRangeException(nameof(value), v,
                    "the density scale must be a positive finite number or null.");
            }

            densityScale = value;
        }
    }
}
