namespace GmmGpu.Viewer.Rendering;

/// <summary>A pixel rectangle, origin top left, y down.</summary>
/// <param name="Left">x of the left edge, in pixels.</param>
/// <param name="Top">y of the top edge, in pixels.</param>
/// <param name="Right">x of the right edge, ≥ <paramref name="Left"/> for a real rectangle.
/// </param>
/// <param name="Bottom">y of the bottom edge, ≥ <paramref name="Top"/> for a real
/// rectangle.</param>
public readonly record struct RectangleF(float Left, float Top, float Right, float Bottom)
{
    /// <summary>Right − Left, in pixels.</summary>
    public float Width => Right - Left;

    /// <summary>Bottom − Top, in pixels.</summary>
    public float Height => Bottom - Top;
}
