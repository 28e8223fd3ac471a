using GmmGpu.Engine;

namespace GmmGpu.Tests.Backends;

/// <summary>Seeded random kernel models and data drawn from them, for backend tests.</summary>
internal static class RandomMixture
{
    /// <summary>
    /// Random means in [offset − 5, offset + 5]^D, a random upper-triangular (or diagonal)
    /// precision Cholesky factor with diagonal in [0.5, 2], random weights, and the log
    /// normalizer log w + log det P − D/2 · log 2π that goes with them.
    /// </summary>
    public static KernelModel CreateModel(
        Random random,
        int components,
        int dimensions,
        PrecisionForm form,
        double offset = 0)
    {
        int d = dimensions;
        var means = new float[components * d];
        var precision = new float[components * form.PrecisionLength(d)];
        var logNormalizer = new float[components];
        var weights = new double[components];
        for (int k = 0; k < components; k++)
        {
            weights[k] = 0.2 + random.NextDouble();
        }

        double weightSum = weights.Sum();
        for (int k = 0; k < components; k++)
        {
            double logDet = 0;
            for (int i = 0; i < d; i++)
            {
                means[(k * d) + i] = (float)(offset + (10 * random.NextDouble()) - 5);
                double diagonal = 0.5 + (1.5 * random.NextDouble());
                logDet += Math.Log((float)diagonal);
                if (form == PrecisionForm.Diagonal)
                {
                    precision[(k * d) + i] = (float)diagonal;
                    continue;
                }

                precision[(k * d * d) + (i * d) + i] = (float)diagonal;
                for (int j = i + 1; j < d; j++)
                {
                    precision[(k * d * d) + (i * d) + j] = (float)(random.NextDouble() - 0.5);
                }
            }

            logNormalizer[k] = (float)(Math.Log(weights[k] / weightSum) + logDet
                - (0.5 * d * Math.Log(2 * Math.PI)));
        }

        return new KernelModel(components, d, form, means, precision, logNormalizer);
    }

    /// <summary>
    /// Rows drawn from the model: pick a component at random, draw y ~ N(0, I) and solve
    /// (x − mean)·P = y for x. Shape (rows, D), row-major.
    /// </summary>
    public static float[] SampleData(Random random, KernelModel model, int rows)
    {
        int d = model.Dimensions;
        var data = new float[rows * d];
        var diff = new double[d];
        for (int n = 0; n < rows; n++)
        {
            int k = random.Next(model.Components);
            for (int j = 0; j < d; j++)
            {
                double y = Gaussian(random);
                double diagonal;
                if (model.Form == PrecisionForm.Diagonal)
                {
                    diagonal = model.PrecisionCholesky[(k * d) + j];
                }
                else
                {
                    for (int i = 0; i < j; i++)
                    {
                        y -= diff[i] * model.PrecisionCholesky[(k * d * d) + (i * d) + j];
                    }

                    diagonal = model.PrecisionCholesky[(k * d * d) + (j * d) + j];
                }

                diff[j] = y / diagonal;
                data[(n * d) + j] = (float)(model.Means[(k * d) + j] + diff[j]);
            }
        }

        return data;
    }

    private static double Gaussian(Random random)
    {
        double u = 1 - random.NextDouble();
        double v = random.NextDouble();
        return Math.Sqrt(-2 * Math.Log(u)) * Math.Cos(2 * Math.PI * v);
    }
}
