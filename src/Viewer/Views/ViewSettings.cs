namespace GmmGpu.Viewer.Views;

/// <summary>
/// What the views are told beyond the frame and the data: one instance per renderer, read by
/// every view (the dashboard's panels too), set between frames.
/// </summary>
internal sealed class ViewSettings
{
    private double? densityScale;

    /// <summary>Where the surface view is seen from.</summary>
    public OrbitCamera SurfaceCamera { get; set; } = OrbitCamera.Default;

    /// <summary>How the points view colours the data.</summary>
    public ColorBy PointsColorBy { get; set; } = ColorBy.Density;

    /// <summary>The region the points view shows; null: all the data.</summary>
    public DataWindow? PointsWindow { get; set; }

    /// <summary>Filled density levels of the heat map, ≥ 1.</summary>
    public int Levels { get; set; } = 10;

    /// <summary>How the heat map, points and surface scale their two features.</summary>
    public Aspect Aspect { get; set; } = Aspect.Auto;

    /// <summary>Whether the heat map and surface draw the data too.</summary>
    public bool ShowData { get; set; } = true;

    /// <summary>The density at the top of the colour scales; null: each frame's peak; &gt; 0.
    /// </summary>
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
