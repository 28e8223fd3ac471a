using GmmGpu.Engine;

namespace GmmGpu.Backends.Cpu;

/// <summary>Mixture density p(x) over rows of a <see cref="DensityGrid"/>.</summary>
internal static class DensityGridPass
{
    /// <summary>Writes rows [firstRow, firstRow + rowCount) of the grid into density.</summary>
    /// <param name="density">The whole grid, shape (Height, Width), row-major.</param>
    public static unsafe void Run(
        KernelModel model,
        DensityGrid grid,
        int firstRow,
        int rowCount,
        float* density)
    {
        var scratch = new PointScratch(model);
        float[] x = scratch.Point;
        if (grid.BasePoint is not null)
        {
            grid.BasePoint.AsSpan(0, model.Dimensions).CopyTo(x);
        }

        for (int j = firstRow; j < firstRow + rowCount; j++)
        {
            var row = new Span<float>(density + ((long)j * grid.Width), grid.Width);
            for (int i = 0; i < grid.Width; i++)
            {
                // With one feature y is unused (DensityGrid's contract).
                if (model.Dimensions > 1 && grid.DimY != grid.DimX)
                {
                    x[grid.DimY] = (float)grid.Y(j);
                }

                x[grid.DimX] = (float)grid.X(i);
                row[i] = (float)Math.Exp(scratch.LogProbability(model, x));
            }
        }
    }
}
