using ILGPU;
using ILGPU.Algorithms;

namespace GmmGpu.Kernels;

/// <summary>Arguments of <see cref="DensityGridKernel"/>.</summary>
public readonly struct DensityGridParams
{
    /// <summary>The arguments of one density-grid launch (members say each).</summary>
    public DensityGridParams(
        MixtureView model,
        ArrayView<float> basePoint,
        int width,
        int dimX,
        int dimY,
        float xMin,
        float xStep,
        float yMin,
        float yStep,
        ArrayView<float> density)
    {
        Model = model;
        BasePoint = basePoint;
        Width = width;
        DimX = dimX;
        DimY = dimY;
        XMin = xMin;
        XStep = xStep;
        YMin = yMin;
        YStep = yStep;
        Density = density;
    }

    /// <summary>The mixture whose density is drawn.</summary>
    public MixtureView Model { get; }

    /// <summary>Shape (D): the features that are not drawn.</summary>
    public ArrayView<float> BasePoint { get; }

    /// <summary>Grid columns, ≥ 1; the grid has Density.Length / Width rows.</summary>
    public int Width { get; }

    /// <summary>The feature that varies along a row, in [0, D).</summary>
    public int DimX { get; }

    /// <summary>The feature that varies down the columns, in [0, D), ≠ DimX.</summary>
    public int DimY { get; }

    /// <summary>Feature DimX at column 0, in the model's units.</summary>
    public float XMin { get; }

    /// <summary>Feature DimX from one column to the next, > 0.</summary>
    public float XStep { get; }

    /// <summary>Feature DimY at row 0, in the model's units.</summary>
    public float YMin { get; }

    /// <summary>Feature DimY from one row to the next, > 0.</summary>
    public float YStep { get; }

    /// <summary>Shape (Height, Width), row-major.</summary>
    public ArrayView<float> Density { get; }
}

/// <summary>Mixture density on a regular grid of two features.</summary>
public static class DensityGridKernel
{
    /// <summary>
    /// density[j·W + i] = p(x) with x = BasePoint except x[DimX] = XMin + i·XStep and
    /// x[DimY] = YMin + j·YStep.
    /// </summary>
    public static void Execute(Index1D index, DensityGridParams args)
    {
        int i = index % args.Width;
        int j = index / args.Width;
        var x = new GridPoint(
            args.BasePoint,
            args.DimX,
            args.DimY,
            args.XMin + (i * args.XStep),
            args.YMin + (j * args.YStep));
        args.Density[index] = XMath.Exp(ComponentDensity.LogMixtureDensity(x, args.Model));
    }
}
