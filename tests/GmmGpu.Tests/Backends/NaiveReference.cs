using GmmGpu.Engine;

namespace GmmGpu.Tests.Backends;

/// <summary>
/// Plain float64 loops over the same maths as <see cref="IComputeBackend"/>: the test-only
/// reference every backend is checked against. Obviously correct rather than fast.
/// </summary>
internal static class NaiveReference
{
    /// <summary>log w_k + log N(x | mean_k, P_k) for each component k, in float64.</summary>
    public static double[] ComponentLogDensities(KernelModel model, ReadOnlySpan<float> x)
    {
        int d = model.Dimensions;
        var result = new double[model.Components];
        for (int k = 0; k < model.Components; k++)
        {
            double squaredNorm = 0;
            for (int j = 0; j < d; j++)
            {
                double y = 0;
                for (int i = 0; i < d; i++)
                {
                    y += Diff(model, x, k, i) * Precision(model, k, i, j);
                }

                squaredNorm += y * y;
            }

            result[k] = model.LogNormalizer[k] - (0.5 * squaredNorm);
        }

        return result;
    }

    public static double LogSumExp(double[] values)
    {
        double max = values.Max();
        return max + Math.Log(values.Sum(v => Math.Exp(v - max)));
    }

    /// <summary>
    /// The sufficient statistics, and the same sums over absolute values of each term (the
    /// scale a float32 rounding error is measured against).
    /// </summary>
    public static (SufficientStatistics Sums, SufficientStatistics Magnitudes) Accumulate(
        float[] data,
        KernelModel model)
    {
        int d = model.Dimensions;
        int rows = data.Length / d;
        var sums = new SufficientStatistics(model.Components, d, model.Form);
        var magnitudes = new SufficientStatistics(model.Components, d, model.Form);
        for (int n = 0; n < rows; n++)
        {
            ReadOnlySpan<float> x = data.AsSpan(n * d, d);
            double[] logDensity = ComponentLogDensities(model, x);
            double logProbability = LogSumExp(logDensity);
            sums.LogLikelihood += logProbability;
            magnitudes.LogLikelihood += Math.Abs(logProbability);
            for (int k = 0; k < model.Components; k++)
            {
                double r = Math.Exp(logDensity[k] - logProbability);
                sums.Nk[k] += r;
                magnitudes.Nk[k] += r;
                int moment = 0;
                for (int i = 0; i < d; i++)
                {
                    double term = r * Diff(model, x, k, i);
                    sums.Sk[(k * d) + i] += term;
                    magnitudes.Sk[(k * d) + i] += Math.Abs(term);
                    for (int j = i; j < d; j++)
                    {
                        if (model.Form == PrecisionForm.Diagonal && j != i)
                        {
                            continue;
                        }

                        int index = (k * model.Form.SecondMomentLength(d)) + moment++;
                        sums.Qk[index] += term * Diff(model, x, k, j);
                        magnitudes.Qk[index] += Math.Abs(term * Diff(model, x, k, j));
                    }
                }
            }
        }

        sums.Count = rows;
        magnitudes.Count = rows;
        return (sums, magnitudes);
    }

    public static double[] ScoreSamples(float[] data, KernelModel model) =>
        Rows(data, model.Dimensions)
            .Select(n => LogSumExp(ComponentLogDensities(model, Row(data, model, n))))
            .ToArray();

    public static int[] Predict(float[] data, KernelModel model) =>
        Rows(data, model.Dimensions)
            .Select(n => ArgMax(ComponentLogDensities(model, Row(data, model, n))))
            .ToArray();

    /// <summary>Responsibilities, shape (N, K), row-major.</summary>
    public static double[] PredictProba(float[] data, KernelModel model) =>
        Rows(data, model.Dimensions)
            .SelectMany(n => Responsibilities(model, Row(data, model, n)))
            .ToArray();

    /// <summary>Responsibilities of one point, shape (K).</summary>
    public static double[] Responsibilities(KernelModel model, ReadOnlySpan<float> x)
    {
        double[] logDensity = ComponentLogDensities(model, x);
        double logProbability = LogSumExp(logDensity);
        return logDensity.Select(v => Math.Exp(v - logProbability)).ToArray();
    }

    /// <summary>
    /// The k-means++ draw of <see cref="IComputeBackend.SampleByMinSquaredDistance"/> as one
    /// scalar loop: D(x_i)² = min_j |x_i − c_j|² in float32 (difference first, features in
    /// order), u_i = ((SplitMix64(seed + i·γ) ≫ 11) + 0.5) · 2⁻⁵³, key_i = −ln(u_i) / D² in
    /// float64; the smallest key wins (first row on ties), D² = 0 never; −1 when none.
    /// </summary>
    public static long SampleByMinSquaredDistance(
        float[] data, int dimensions, float[] centres, int count, ulong seed)
    {
        const ulong Gamma = 0x9E3779B97F4A7C15UL;
        long best = -1;
        double bestKey = double.PositiveInfinity;
        long rows = data.Length / dimensions;
        for (long i = 0; i < rows; i++)
        {
            float squared = float.PositiveInfinity;
            for (int c = 0; c < count; c++)
            {
                float sum = 0f;
                for (int j = 0; j < dimensions; j++)
                {
                    float diff = data[(i * dimensions) + j] - centres[(c * dimensions) + j];
                    sum += diff * diff;
                }

                squared = Math.Min(squared, sum);
            }

            if (squared <= 0f)
            {
                continue;
            }

            ulong z = unchecked(seed + ((ulong)i * Gamma) + Gamma);
            z = unchecked((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL);
            z = unchecked((z ^ (z >> 27)) * 0x94D049BB133111EBUL);
            z ^= z >> 31;
            double u = ((z >> 11) + 0.5) * Math.Pow(2, -53);
            double key = -Math.Log(u) / squared;
            if (key < bestKey)
            {
                bestKey = key;
                best = i;
            }
        }

        return best;
    }

    public static double LloydStep(
        float[] data,
        int dimensions,
        float[] centres,
        int components,
        double[] counts,
        double[] sums)
    {
        Array.Clear(counts);
        Array.Clear(sums);
        double inertia = 0;
        foreach (int n in Rows(data, dimensions))
        {
            int nearest = Enumerable.Range(0, components)
                .MinBy(k => SquaredDistance(data, dimensions, n, centres, k));
            inertia += SquaredDistance(data, dimensions, n, centres, nearest);
            counts[nearest]++;
            for (int i = 0; i < dimensions; i++)
            {
                sums[(nearest * dimensions) + i] += data[(n * dimensions) + i];
            }
        }

        return inertia;
    }

    /// <summary>p(x) at each grid point, shape (Height, Width), row-major.</summary>
    public static double[] DensityGrid(KernelModel model, DensityGrid grid)
    {
        var density = new double[grid.Width * grid.Height];
        var x = new float[model.Dimensions];
        for (int j = 0; j < grid.Height; j++)
        {
            for (int i = 0; i < grid.Width; i++)
            {
                for (int f = 0; f < x.Length; f++)
                {
                    x[f] = grid.BasePoint?[f] ?? 0;
                }

                if (x.Length > 1)
                {
                    // With one feature the grid's y is unused (DensityGrid's contract).
                    x[grid.DimY] = (float)grid.Y(j);
                }

                x[grid.DimX] = (float)grid.X(i);
                density[(j * grid.Width) + i] =
                    Math.Exp(LogSumExp(ComponentLogDensities(model, x)));
            }
        }

        return density;
    }

    private static double Diff(KernelModel model, ReadOnlySpan<float> x, int k, int i) =>
        (double)x[i] - model.Means[(k * model.Dimensions) + i];

    private static double Precision(KernelModel model, int k, int i, int j)
    {
        int d = model.Dimensions;
        if (model.Form == PrecisionForm.Diagonal)
        {
            return i == j ? model.PrecisionCholesky[(k * d) + i] : 0;
        }

        return i <= j ? model.PrecisionCholesky[(k * d * d) + (i * d) + j] : 0;
    }

    private static double SquaredDistance(
        float[] data,
        int dimensions,
        int n,
        float[] centres,
        int k)
    {
        double sum = 0;
        for (int i = 0; i < dimensions; i++)
        {
            double diff = (double)data[(n * dimensions) + i] - centres[(k * dimensions) + i];
            sum += diff * diff;
        }

        return sum;
    }

    private static IEnumerable<int> Rows(float[] data, int dimensions) =>
        Enumerable.Range(0, data.Length / dimensions);

    private static float[] Row(float[] data, KernelModel model, int n) =>
        data.AsSpan(n * model.Dimensions, model.Dimensions).ToArray();

    private static int ArgMax(double[] values) =>
        Enumerable.Range(0, values.Length).MaxBy(k => values[k]);
}
