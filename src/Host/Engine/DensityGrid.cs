namespace GmmGpu.Engine;

/// <summary>
/// A regular Width × Height grid on the plane of features (<see cref="DimX"/>, <see cref="DimY"/>);
/// the other features are held at <see cref="BasePoint"/>. Grid point (i, j) is
/// x = XMin + i·(XMax − XMin)/(Width − 1), y = YMin + j·(YMax − YMin)/(Height − 1); densities
/// are written row-major, index j·Width + i (j runs along y).
/// </summary>
/// <param name="Width">Points along x, ≥ 2.</param>
/// <param name="Height">Points along y, ≥ 2.</param>
/// <param name="XMin">Lowest x.</param>
/// <param name="XMax">Highest x, &gt; XMin.</param>
/// <param name="YMin">Lowest y.</param>
/// <param name="YMax">Highest y, &gt; YMin.</param>
/// <param name="DimX">Feature drawn along x, in [0, D).</param>
/// <param name="DimY">Feature drawn along y, in [0, D), ≠ DimX; unused when D = 1 (every row
/// then holds the same 1-D density).</param>
/// <param name="BasePoint">Shape (D): values of the features not drawn; null means zeros.</param>
public sealed record DensityGrid(
    int Width,
    int Height,
    double XMin,
    double XMax,
    double YMin,
    double YMax,
    int DimX = 0,
    int DimY = 1,
    float[]? BasePoint = null)
{
    /// <summary>The x coordinate of column i.</summary>
    public double X(int i) => XMin + (i * (XMax - XMin) / (Width - 1));

    /// <summary>The y coordinate of row j.</summary>
    public double Y(int j) => YMin + (j * (YMax - YMin) / (Height - 1));

    /// <summary>
    /// Throws <see cref="ArgumentOutOfRangeException"/> unless the grid's features exist in a
    /// model of <paramref name="dimensions"/> features (y is unused with one feature) and
    /// <see cref="BasePoint"/> holds them all: every backend checks this before it evaluates,
    /// so none reads or writes past a point.
    /// </summary>
    public void Validate(int dimensions)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(DimX);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(DimX, dimensions);
        if (dimensions > 1)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(DimY);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(DimY, dimensions);
        }

        if (BasePoint is not null)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(BasePoint.Length, dimensions);
        }
    }
}
