using GmmGpu.Engine;

namespace GmmGpu.TestData;

/// <summary>
/// The seeded data of the tests and benchmarks: random mixtures in the kernels' float32 form,
/// and points drawn from a mixture. The same seed gives the same values on every machine and
/// for any number of threads.
/// </summary>
public static class SeededMixture
{
    /// <summary>Rows per chunk of <see cref="Points"/>; each chunk has its own generator.</summary>
    public const int ChunkRows = 1 << 16;

    private static readonly double HalfLogTwoPi = 0.5 * Math.Log(2 * Math.PI);

    /// <summary>
    /// A random K-component mixture: weights 0.2 + U(0, 1), normalised; each mean's features
    /// uniform in <paramref name="offset"/> ± <paramref name="spread"/>; precision Cholesky
    /// factors with diagonals uniform in [0.5, 2] and, for the triangular form, entries above
    /// the diagonal uniform in ±0.5; log normalisers log w + log det P − D/2 · log 2π.
    /// </summary>
    /// <param name="seed">Seed of every random choice.</param>
    /// <param name="components">K ≥ 1.</param>
    /// <param name="dimensions">D ≥ 1.</param>
    /// <param name="form">Triangular (a full covariance each) or diagonal.</param>
    /// <param name="offset">Centre of the means (far from 0 tests cancellation).</param>
    /// <param name="spread">Half-width of the box the means are drawn in, &gt; 0.</param>
    public static KernelModel Model(
        int seed, int components, int dimensions, PrecisionForm form, double offset = 0,
        double spread = 5)
    {
        var random = new Random(seed);
        int d = dimensions;
        int length = form.PrecisionLength(d);
        var weights = new double[components];
        for (int k = 0; k < components; k++)
        {
            weights[k] = 0.2 + random.NextDouble();
        }

        var means = new float[components * d];
        var factors = new float[components * length];
        for (int k = 0; k < components; k++)
        {
            for (int i = 0; i < d; i++)
            {
                means[(k * d) + i] = (float)(offset + (spread * ((2 * random.NextDouble()) - 1)));
                var diagonal = (float)(0.5 + (1.5 * random.NextDouble()));
                if (form == PrecisionForm.Diagonal)
                {
                    factors[(k * d) + i] = diagonal;
                    continue;
                }

                factors[(k * length) + (i * d) + i] = diagonal;
                for (int j = i + 1; j < d; j++)
                {
                    factors[(k * length) + (i * d) + j] = (float)(random.NextDouble() - 0.5);
                }
            }
        }

        return WithNormalizers(components, d, form, weights, means, factors);
    }

    /// <summary>
    /// <see cref="Model(int, int, int, PrecisionForm, double, double)"/> shaped as a covariance
    /// type: full and diagonal as drawn; tied: every component takes component 0's factor;
    /// spherical: each component's diagonal takes its first value.
    /// </summary>
    public static KernelModel Model(
        int seed, int components, int dimensions, CovarianceType type, double offset = 0,
        double spread = 5)
    {
        bool triangular = type is CovarianceType.Full or CovarianceType.Tied;
        PrecisionForm form = triangular ? PrecisionForm.Triangular : PrecisionForm.Diagonal;
        KernelModel drawn = Model(seed, components, dimensions, form, offset, spread);
        if (type is CovarianceType.Full or CovarianceType.Diagonal)
        {
            return drawn;
        }

        int length = form.PrecisionLength(dimensions);
        float[] factors = drawn.PrecisionCholesky;
        for (int k = 0; k < components; k++)
        {
            Span<float> component = factors.AsSpan(k * length, length);
            if (type == CovarianceType.Tied)
            {
                factors.AsSpan(0, length).CopyTo(component);
            }
            else
            {
                component.Fill(component[0]);
            }
        }

        return WithNormalizers(
            components, dimensions, form, Weights(drawn), drawn.Means, factors);
    }

    /// <summary>
    /// <paramref name="rows"/> points drawn from <paramref name="model"/>, shape (rows, D),
    /// row-major: a component with probability its weight, y ~ N(0, I), and the x with
    /// (x − mean)·P = y. Chunks of <see cref="ChunkRows"/> rows are drawn in parallel, each
    /// from a generator seeded by (<paramref name="seed"/>, chunk).
    /// </summary>
    /// <param name="seed">Seed of the draws.</param>
    /// <param name="model">The mixture; its weights are read from the log normalisers.</param>
    /// <param name="rows">N ≥ 0, N·D within one array.</param>
    public static float[] Points(int seed, KernelModel model, long rows)
    {
        ArgumentNullException.ThrowIfNull(model);
        int d = model.Dimensions;
        double[] cumulative = Weights(model);
        for (int k = 1; k < cumulative.Length; k++)
        {
            cumulative[k] += cumulative[k - 1];
        }

        var data = new float[rows * d];
        long chunks = (rows + ChunkRows - 1) / ChunkRows;
        Parallel.For(0, chunks, chunk =>
        {
            var random = new Random(unchecked((seed * 1_000_003) + (int)chunk));
            var diff = new double[d];
            long end = Math.Min(rows, (chunk + 1) * ChunkRows);
            for (long n = chunk * ChunkRows; n < end; n++)
            {
                // Component k covers [cumulative[k − 1], cumulative[k]).
                int k = Array.BinarySearch(cumulative, random.NextDouble() * cumulative[^1]);
                k = Math.Min(k < 0 ? ~k : k + 1, model.Components - 1);
                Draw(random, model, k, diff, data.AsSpan((int)(n * d), d));
            }
        });
        return data;
    }

    /// <summary>Mixture weights: w_k = exp(log normaliser − log det P_k + D/2·log 2π).
    /// </summary>
    private static double[] Weights(KernelModel model)
    {
        int d = model.Dimensions;
        var weights = new double[model.Components];
        for (int k = 0; k < weights.Length; k++)
        {
            weights[k] = Math.Exp(
                model.LogNormalizer[k] - LogDeterminant(model, k) + (d * HalfLogTwoPi));
        }

        return weights;
    }

    // Solves (x − mean)·P = y one feature at a time: P is upper-triangular (or diagonal).
    private static void Draw(
        Random random, KernelModel model, int k, double[] diff, Span<float> x)
    {
        int d = model.Dimensions;
        int length = model.Form.PrecisionLength(d);
        ReadOnlySpan<float> factor = model.PrecisionCholesky.AsSpan(k * length, length);
        for (int j = 0; j < d; j++)
        {
            double y = Gaussian(random);
            double diagonal;
            if (model.Form == PrecisionForm.Diagonal)
            {
                diagonal = factor[j];
            }
            else
            {
                for (int i = 0; i < j; i++)
                {
                    y -= diff[i] * factor[(i * d) + j];
                }

                diagonal = factor[(j * d) + j];
            }

            diff[j] = y / diagonal;
            x[j] = (float)(model.Means[(k * d) + j] + diff[j]);
        }
    }

    private static KernelModel WithNormalizers(
        int components, int d, PrecisionForm form, double[] weights, float[] means,
        float[] factors)
    {
        var model = new KernelModel(components, d, form, means, factors, new float[components]);
        double total = weights.Sum();
        for (int k = 0; k < components; k++)
        {
            model.LogNormalizer[k] = (float)(Math.Log(weights[k] / total)
                + LogDeterminant(model, k) - (d * HalfLogTwoPi));
        }

        return model;
    }

    private static double LogDeterminant(KernelModel model, int k)
    {
        int d = model.Dimensions;
        int length = model.Form.PrecisionLength(d);
        double sum = 0;
        for (int i = 0; i < d; i++)
        {
            int index = model.Form == PrecisionForm.Diagonal ? i : (i * d) + i;
            sum += Math.Log(model.PrecisionCholesky[(k * length) + index]);
        }

        return sum;
    }

    private static double Gaussian(Random random)
    {
        double u = 1 - random.NextDouble();
        double v = random.NextDouble();
        return Math.Sqrt(-2 * Math.Log(u)) * Math.Cos(2 * Math.PI * v);
    }
}
