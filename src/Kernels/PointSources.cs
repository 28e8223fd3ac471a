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
    public ViewPoint(ArrayView<float> view, long offset)
    {
        View = view;
        Offset = offset;
    }

    public ArrayView<float> View { get; }

    public long Offset { get; }

    public float Get(int i) => View[Offset + i];
}

/// <summary>A grid point: features DimX and DimY vary, the others sit at a base point.</summary>
public readonly struct GridPoint : IPointSource
{
    public GridPoint(ArrayView<float> basePoint, int dimX, int dimY, float x, float y)
    {
        BasePoint = basePoint;
        DimX = dimX;
        DimY = dimY;
        X = x;
        Y = y;
    }

    public ArrayView<float> BasePoint { get; }

    public int DimX { get; }

    public int DimY { get; }

    public float X { get; }

    public float Y { get; }

    public float Get(int i) => i == DimX ? X : (i == DimY ? Y : BasePoint[i]);
}
