namespace GmmGpu.Viewer.Rendering;

/// <summary>A pixel rectangle, origin top left, y down.</summary>
public readonly record struct RectangleF(float Left, float Top, float Right, float Bottom)
{
    public float Width => Right - Left;

    public float Height => Bottom - Top;
}
