using System.Numerics;

namespace GmmGpu.Viewer;

/// <summary>The smallest and largest value of each feature, in parallel over row blocks.</summary>
internal static class DataBounds
{
    private const int Block = 1 << 16;

    /// <summary>(min, max) per column of <paramref name="values"/>, shape (rows, columns);
    /// (+∞, −∞) for a column without values.</summary>
    public static (float Min, float Max)[] Compute(ReadOnlyMemory<float> values, int columns)
    {
        float[] min = Filled(columns, float.PositiveInfinity);
        float[] max = Filled(columns, float.NegativeInfinity);
        int rows = values.Length / columns;
        var gate = new object();
        var options = new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount };
        Parallel.For(0, (rows + Block - 1) / Block, options,
            () => (Min: Filled(columns, float.PositiveInfinity),
                Max: Filled(columns, float.NegativeInfinity)),
            (block, _, local) =>
            {
                int start = block * Block, end = Math.Min(rows, start + Block);
                Scan(values.Span[(start * columns)..(end * columns)], columns, local.Min, local.Max);
                return local;
            },
            local =>
            {
                lock (gate)
                {
                    Merge(local.Min, local.Max, min, max);
                }
            });
        return [.. min.Zip(max)];
    }

    /// <summary>Folds rows (starting at a row boundary) into per-column min and max.</summary>
    private static void Scan(ReadOnlySpan<float> v, int columns, float[] min, float[] max)
    {
        int lanes = Vector<float>.Count, i = 0;
        // When a vector holds whole rows, lane j always carries column j % columns.
        if (lanes % columns == 0 && v.Length >= lanes)
        {
            var low = new Vector<float>(float.PositiveInfinity);
            var high = new Vector<float>(float.NegativeInfinity);
            for (; i + lanes <= v.Length; i += lanes)
            {
                var x = new Vector<float>(v[i..]);
                low = Vector.Min(low, x);
                high = Vector.Max(high, x);
            }

            for (int lane = 0; lane < lanes; lane++)
            {
                int c = lane % columns;
                min[c] = Math.Min(min[c], low[lane]);
                max[c] = Math.Max(max[c], high[lane]);
            }
        }

        for (; i < v.Length; i++)
        {
            int c = i % columns;
            min[c] = Math.Min(min[c], v[i]);
            max[c] = Math.Max(max[c], v[i]);
        }
    }

    private static void Merge(float[] fromMin, float[] fromMax, float[] min, float[] max)
    {
        for (int c = 0; c < min.Length; c++)
        {
            min[c] = Math.Min(min[c], fromMin[c]);
            max[c] = Math.Max(max[c], fromMax[c]);
        }
    }

    private static float[] Filled(int count, float value)
    {
        var array = new float[count];
        Array.Fill(array, value);
        return array;
    }
}
