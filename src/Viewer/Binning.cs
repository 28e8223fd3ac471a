namespace GmmGpu.Viewer;

/// <summary>Bins points into histograms on the CPU, in parallel over row blocks.</summary>
internal static class Binning
{
    private const int Block = 1 << 16;

    public static float[] Bin2D(PlotData data, int width, int height)
    {
        var counts = new int[width * height];
        (double xMin, double xMax) = data.Range(data.DimX);
        (double yMin, double yMax) = data.Range(data.DimY);
        double sx = width / (xMax - xMin), sy = height / (yMax - yMin);
        int columns = data.Columns, dx = data.DimX, dy = data.DimY, rows = data.Rows;
        ReadOnlyMemory<float> values = data.Values;
        Parallel.For(0, (rows + Block - 1) / Block, block =>
        {
            ReadOnlySpan<float> v = values.Span;
            int end = Math.Min(rows, (block + 1) * Block);
            for (int i = block * Block; i < end; i++)
            {
                int bx = (int)((v[(i * columns) + dx] - xMin) * sx);
                int by = (int)((v[(i * columns) + dy] - yMin) * sy);
                if ((uint)bx < (uint)width && (uint)by < (uint)height)
                {
                    Interlocked.Increment(ref counts[(by * width) + bx]);
                }
            }
        });
        return [.. counts.Select(c => (float)c)];
    }

    /// <summary>
    /// Density-normalised histogram of feature <paramref name="dim"/> over [min, max).
    /// </summary>
    public static double[] Bin1D(PlotData data, int dim, int bins, double min, double max)
    {
        var counts = new double[bins];
        ReadOnlySpan<float> v = data.Values.Span;
        double scale = bins / (max - min);
        for (int i = dim; i < v.Length; i += data.Columns)
        {
            int b = (int)((v[i] - min) * scale);
            if ((uint)b < (uint)bins)
            {
                counts[b]++;
            }
        }

        double norm = 1 / (Math.Max(data.Rows, 1) * (max - min) / bins);
        for (int b = 0; b < bins; b++)
        {
            counts[b] *= norm;
        }

        return counts;
    }
}
