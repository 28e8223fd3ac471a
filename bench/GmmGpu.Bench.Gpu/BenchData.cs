using GmmGpu.Engine;

namespace GmmGpu.Bench.Gpu;

/// <summary>Seeded mixtures, points drawn from them, and a float64 scalar reference.</summary>
internal static class BenchData
{
    /// <summary>A K-component model: means in ±5, factor diagonals in [0.5, 2].</summary>
    public static KernelModel Model(int seed, int components, int dimensions, PrecisionForm form)
    {
        var random = new Random(seed);
        int d = dimensions;
        var means = new float[components * d];
        var factors = new float[components * form.PrecisionLength(d)];
        var logNormalizer = new float[components];
        for (int k = 0; k < components; k++)
        {
            double logDet = 0;
            for (int i = 0; i < d; i++)
            {
                means[(k * d) + i] = (float)((random.NextDouble() * 10) - 5);
                float diagonal = (float)(0.5 + (1.5 * random.NextDouble()));
                logDet += Math.Log(diagonal);
                if (form == PrecisionForm.Diagonal)
                {
                    factors[(k * d) + i] = diagonal;
                    continue;
                }

                factors[(k * d * d) + (i * d) + i] = diagonal;
                for (int j = i + 1; j < d; j++)
                {
                    factors[(k * d * d) + (i * d) + j] =
                        (float)((random.NextDouble() - 0.5) * 0.2);
                }
            }

            logNormalizer[k] = (float)(-Math.Log(components) + logDet
                - (0.5 * d * Math.Log(2 * Math.PI)));
        }

        return new KernelModel(components, d, form, means, factors, logNormalizer);
    }

    /// <summary>N points: a mean (round-robin) plus unit Gaussian noise; seeded.</summary>
    public static float[] Points(int seed, KernelModel model, long rows)
    {
        int d = model.Dimensions;
        var data = new float[rows * d];
        const int Chunk = 1 << 16;
        long chunks = (rows + Chunk - 1) / Chunk;
        Parallel.For(0, chunks, c =>
        {
            var random = new Random(unchecked((seed * 1_000_003) + (int)c));
            long end = Math.Min(rows, (c + 1) * Chunk);
            for (long p = c * Chunk; p < end; p++)
            {
                int k = (int)(p % model.Components);
                for (int i = 0; i < d; i++)
                {
                    double u1 = 1.0 - random.NextDouble();
                    double u2 = random.NextDouble();
                    double normal = Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
                    data[(p * d) + i] = (float)(model.Means[(k * d) + i] + normal);
                }
            }
        });
        return data;
    }

    /// <summary>Σ log p(x) and Σ |log p(x)| over the first rows, every step in float64.</summary>
    public static (double LogLikelihood, double Magnitude) ReferenceLogLikelihood(
        KernelModel model, float[] data, int rows)
    {
        int d = model.Dimensions;
        var perPoint = new double[rows];
        Parallel.For(0, rows, p =>
        {
            var logDensities = new double[model.Components];
            for (int k = 0; k < model.Components; k++)
            {
                double squared = 0;
                for (int j = 0; j < d; j++)
                {
                    double y = 0;
                    int first = model.Form == PrecisionForm.Diagonal ? j : 0;
                    for (int i = first; i <= j; i++)
                    {
                        double factor = model.Form == PrecisionForm.Diagonal
                            ? model.PrecisionCholesky[(k * d) + j]
                            : model.PrecisionCholesky[(k * d * d) + (i * d) + j];
                        y += ((double)data[((long)p * d) + i] - model.Means[(k * d) + i]) * factor;
                    }

                    squared += y * y;
                }

                logDensities[k] = model.LogNormalizer[k] - (0.5 * squared);
            }

            double max = logDensities.Max();
            perPoint[p] = max + Math.Log(logDensities.Sum(v => Math.Exp(v - max)));
        });
        return (perPoint.Sum(), perPoint.Sum(Math.Abs));
    }
}
