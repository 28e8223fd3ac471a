namespace GmmGpu.Viewer;

/// <summary>
/// Bins points into histograms on the CPU: blocks of rows in parallel, each worker counting into
/// its own histogram (shared counters would make every core wait on the others' cache lines),
/// merged once at the end.
/// </summary>
internal static class Binning
{
    private const int Block = 1 << 16;

    /// <summary>Counts rows [start, end) into <c>counts</c>.</summary>
    private delegate void CountRows(ReadOnlySpan<float> values, int start, int end, int[] counts);

    public static float[] Bin2D(PlotData data, int width, int height)
    {
        (double xMin, double xMax) = data.Range(data.DimX);
        (double yMin, double yMax) = data.Range(data.DimY);
        // Float arithmetic: a bin is at least 1/8192 of the range, far above float's rounding.
        float x0 = (float)xMin, y0 = (float)yMin;
        float sx = (float)(width / (xMax - xMin)), sy = (float)(height / (yMax - yMin));
        int columns = data.Columns, dx = data.DimX, dy = data.DimY;
        int[] counts = Count(data, width * height, (v, start, end, local) =>
        {
            ReadOnlySpan<float> rows = v[(start * columns)..(end * columns)];
            for (int at = 0; at < rows.Length; at += columns)
            {
                float tx = (rows[at + dx] - x0) * sx, ty = (rows[at + dy] - y0) * sy;
                // The cast truncates towards 0, so values just below the range need the test.
                if (tx >= 0 && ty >= 0 && (int)tx < width && (int)ty < height)
                {
                    local[((int)ty * width) + (int)tx]++;
                }
            }
        });
        var result = new float[counts.Length];
        for (int i = 0; i < counts.Length; i++)
        {
            result[i] = counts[i];
        }

        return result;
    }

    /// <summary>
    /// Density-normalised histogram of feature <paramref name="dim"/> over [min, max).
    /// </summary>
    public static double[] Bin1D(PlotData data, int dim, int bins, double min, double max)
    {
        float x0 = (float)min, scale = (float)(bins / (max - min));
        int columns = data.Columns;
        int[] counts = Count(data, bins, (v, start, end, local) =>
        {
            ReadOnlySpan<float> rows = v[(start * columns)..(end * columns)];
            for (int at = dim; at < rows.Length; at += columns)
            {
                float t = (rows[at] - x0) * scale;
                if (t >= 0 && (int)t < bins)
                {
                    local[(int)t]++;
                }
            }
        });
        double norm = 1 / (Math.Max(data.Rows, 1) * (max - min) / bins);
        return [.. counts.Select(c => c * norm)];
    }

    private static int[] Count(PlotData data, int bins, CountRows countRows)
    {
        var total = new int[bins];
        var gate = new object();
        ReadOnlyMemory<float> values = data.Values;
        int rows = data.Rows;
        var options = new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount };
        Parallel.For(0, (rows + Block - 1) / Block, options, () => new int[bins],
            (block, _, local) =>
            {
                countRows(values.Span, block * Block, Math.Min(rows, (block + 1) * Block), local);
                return local;
            },
            local =>
            {
                lock (gate)
                {
                    for (int i = 0; i < bins; i++)
                    {
                        total[i] += local[i];
                    }
                }
            });
        return total;
    }
}
