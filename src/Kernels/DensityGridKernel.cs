using ILGPU;
using ILGPU.Algorithms;

namespace GmmGpu.Kernels;

/// <summary>Arguments of <see cref="DensityGridKernel"/>.</summary>
public readonly struct DensityGridParams
{
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

    public MixtureView Model { get; }

    /// <summary>Shape (D): the features that are not drawn.</summary>
    public ArrayView<float> BasePoint { get; }

    public int Width { get; }

    public int DimX { get; }

    public int DimY { get; }

    public float XMin { get; }

    public float XStep { get; }

    public float YMin { get; }

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
