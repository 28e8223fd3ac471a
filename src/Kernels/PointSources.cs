using ILGPU;

namespace GmmGpu.Kernels;

/// <summary>Where a kernel reads the D coordinates of one point from.</summary>
public interface IPointSource
{
    /// <summary>Coordinate i of the point, 0 ≤ i &lt; D.</summary>
    float Get(int i);
}

/// <summary>A point stored contiguously in a view (global or shared memory).</summary>
public readonly struct ViewPoint : IPointSource
{
    /// <summary>The point whose D coordinates start at view[offset].</summary>
    public ViewPoint(ArrayView<float> view, long offset)
    {
        View = view;
        Offset = offset;
    }

    /// <summary>The memory that holds the point.</summary>
    public ArrayView<float> View { get; }

    /// <summary>Index of the point's first coordinate in <see cref="View"/>.</summary>
    public long Offset { get; }

    /// <summary>Coordinate i of the point, 0 ≤ i &lt; D.</summary>
    public float Get(int i) => View[Offset + i];
}

/// <summary>A grid point: features DimX and DimY vary, the others sit at a base point.</summary>
public readonly struct GridPoint : IPointSource
{
    /// <summary>
    /// The point with feature dimX at x, dimY at y, the others at the base point.
    /// </summary>
    public GridPoint(ArrayView<float> basePoint, int dimX, int dimY, float x, float y)
    {
        BasePoint = basePoint;
        DimX = dimX;
        DimY = dimY;
        X = x;
        Y = y;
    }

    /// <summary>Shape (D): the values of the features that are not drawn.</summary>
    public ArrayView<float> BasePoint { get; }

    /// <summary>The feature set to <see cref="X"/>, in [0, D).</summary>
    public int DimX { get; }

    /// <summary>The feature set to <see cref="Y"/>, in [0, D).</summary>
    public int DimY { get; }

    /// <summary>Feature DimX of the point.</summary>
    public float X { get; }

    /// <summary>Feature DimY of the point.</summary>
    public float Y { get; }

    /// <summary>Coordinate i of the point, 0 ≤ i &lt; D.</summary>
    public float Get(int i) => i == DimX ? X : (i == DimY ? Y : BasePoint[i]);
}

/// <summary>x − mean: a point's coordinates about a component's mean, taken as read.</summary>
/// <typeparam name="TPoint">Where the point's coordinates come from.</typeparam>
public readonly struct PointDifference<TPoint> : IPointSource
    where TPoint : struct, IPointSource
{
    /// <summary>The difference of <paramref name="point"/> and means[offset .. offset + D).</summary>
    public PointDifference(TPoint point, ArrayView<float> means, long offset)
    {
        Point = point;
        Means = means;
        Offset = offset;
    }

    /// <summary>The point x.</summary>
    public TPoint Point { get; }

    /// <summary>Shape (K, D): the components' means.</summary>
    public ArrayView<float> Means { get; }

    /// <summary>Index of the component's first mean coordinate, k·D.</summary>
    public long Offset { get; }

    /// <inheritdoc/>
    public float Get(int i) => Point.Get(i) - Means[Offset + i];
}
