namespace GmmGpu.Numerics;

/// <summary>
/// Mean and covariance of row-major data in one parallel pass: float64 sums of differences
/// from the first row, so that a large offset costs no precision; O(D²) memory per worker.
/// </summary>
public static class SampleCovariance
{
    private const int Block = 1 << 14;

    /// <summary>The mean, shape (D), and population covariance, shape (D, D), row-major.</summary>
    /// <param name="values">Shape (rows, columns), row-major; at least one row.</param>
    /// <param name="columns">Features D, ≥ 1.</param>
    public static (double[] Mean, double[] Covariance) Compute(
        ReadOnlyMemory<float> values, int columns)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(columns);
        ArgumentOutOfRangeException.ThrowIfNotEqual(values.Length % columns, 0, nameof(values));
        ArgumentOutOfRangeException.ThrowIfZero(values.Length);
        int d = columns, rows = values.Length / columns;
        var origin = new double[d];
        for (int f = 0; f < d; f++)
        {
            origin[f] = values.Span[f];
        }

        // Per feature: Σ (x − origin); then the upper triangle of Σ (x − origin)(x − origin)ᵀ.
        var total = new double[d + (d * d)];
        var gate = new object();
        Parallel.For(0, (rows + Block - 1) / Block, () => new double[d + (d * d)],
            (block, _, local) =>
            {
                Accumulate(values.Span, d, block * Block, Math.Min(rows, (block + 1) * Block),
                    origin, local);
                return local;
            },
            local =>
            {
                lock (gate)
                {
                    for (int i = 0; i < total.Length; i++)
                    {
                        total[i] += local[i];
                    }
                }
            });

        var mean = new double[d];
        var covariance = new double[d * d];
        for (int i = 0; i < d; i++)
        {
            mean[i] = origin[i] + (total[i] / rows);
            for (int j = i; j < d; j++)
            {
                double c = (total[d + (i * d) + j] / rows)
                    - (total[i] / rows * (total[j] / rows));
                covariance[(i * d) + j] = covariance[(j * d) + i] = c;
            }
        }

        return (mean, covariance);
    }

    private static void Accumulate(ReadOnlySpan<float> values, int d, int start, int end,
        double[] origin, double[] sums)
    {
        Span<double> centred = d <= 256 ? stackalloc double[d] : new double[d];
        for (int row = start; row < end; row++)
        {
            ReadOnlySpan<float> x = values.Slice(row * d, d);
            for (int i = 0; i < d; i++)
            {
                centred[i] = x[i] - origin[i];
                sums[i] += centred[i];
            }

            for (int i = 0; i < d; i++)
            {
                double ci = centred[i];
                Span<double> outer = sums.AsSpan(d + (i * d), d);
                for (int j = i; j < d; j++)
                {
                    outer[j] += ci * centred[j];
                }
            }
        }
    }
}
