using System.Numerics;

namespace GmmGpu.Viewer;

/// <summary>
/// The surface view's camera: it looks at the middle of the unit surface from
/// <paramref name="Distance"/> away, turned <paramref name="Azimuth"/> degrees about the vertical
/// and raised <paramref name="Elevation"/> degrees above the floor.
/// </summary>
/// <param name="Azimuth">Yaw in degrees, any value (0 looks along −x).</param>
/// <param name="Elevation">Pitch in degrees, in [<see cref="MinElevation"/>,
/// <see cref="MaxElevation"/>].</param>
/// <param name="Distance">From the target, in surface half-widths, in
/// [<see cref="MinDistance"/>, <see cref="MaxDistance"/>].</param>
public readonly record struct OrbitCamera(float Azimuth, float Elevation, float Distance)
{
    /// <summary>Degrees turned per pixel of mouse drag, in yaw and in pitch.</summary>
    public const float DegreesPerPixel = 0.4f;

    /// <summary>Distance divided by this per wheel step towards the surface.</summary>
    public const float ZoomPerStep = 1.15f;

    /// <summary>
    /// Pitch limits: above the floor (from below, the floor hides the surface) and short of
    /// straight down, where the up direction the view is built from would be undefined.
    /// </summary>
    public const float MinElevation = 5, MaxElevation = 89;

    /// <summary>Closest and furthest distance: near enough to stay outside the surface, far
    /// enough to keep it more than a few pixels wide.</summary>
    public const float MinDistance = 1.5f, MaxDistance = 12;

    /// <summary>The view the surface is first drawn from (R in the live window returns to it).
    /// </summary>
    public static OrbitCamera Default { get; } = new(-60, 35, 3.6f);

    /// <summary>
    /// The camera after a mouse drag of (dx, dy) pixels: right turns the surface with the mouse
    /// (yaw falls by dx·<see cref="DegreesPerPixel"/>), down tilts it towards the viewer (pitch
    /// rises), pitch clamped.
    /// </summary>
    public OrbitCamera Drag(double dx, double dy) => this with
    {
        Azimuth = Azimuth - (float)(dx * DegreesPerPixel),
        Elevation = Math.Clamp(Elevation + (float)(dy * DegreesPerPixel),
            MinElevation, MaxElevation),
    };

    /// <summary>The camera turned <paramref name="degrees"/> about the vertical (yaw rises).
    /// </summary>
    public OrbitCamera Turn(float degrees) => this with { Azimuth = Azimuth + degrees };

    /// <summary>
    /// The camera after <paramref name="steps"/> wheel steps (up, positive, moves closer),
    /// distance clamped.
    /// </summary>
    public OrbitCamera Zoom(double steps) => this with
    {
        Distance = Math.Clamp(Distance / MathF.Pow(ZoomPerStep, (float)steps),
            MinDistance, MaxDistance),
    };

    /// <summary>
    /// View × projection for a frame of the given aspect ratio (width / height), mapping the
    /// surface's box [−1, 1]² × [0, 1] into clip space.
    /// </summary>
    public Matrix4x4 ViewProjection(float aspect)
    {
        float azimuth = float.DegreesToRadians(Azimuth);
        float elevation = float.DegreesToRadians(Elevation);
        var target = new Vector3(0, 0, 0.3f);
        Vector3 eye = target + (Distance * new Vector3(
            MathF.Cos(elevation) * MathF.Cos(azimuth), MathF.Cos(elevation) * MathF.Sin(azimuth),
            MathF.Sin(elevation)));
        Matrix4x4 view = Matrix4x4.CreateLookAt(eye, target, Vector3.UnitZ);
        Matrix4x4 projection = Matrix4x4.CreatePerspectiveFieldOfView(
            float.DegreesToRadians(40), aspect, 0.1f, 20);
        return view * projection;
    }
}
