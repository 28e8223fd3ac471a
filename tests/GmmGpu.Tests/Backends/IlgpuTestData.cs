using GmmGpu.Engine;

namespace GmmGpu.Tests.Backends;

/// <summary>Seeded random mixtures and points drawn around their means.</summary>
public static class IlgpuTestData
{
    /// <summary>
    /// A random K-component model: means spread over ±3 around <paramref name="offset"/>,
    /// precision Cholesky factors upper-triangular (or diagonal) with diagonals in [0.5, 2].
    /// </summary>
    public static KernelModel Model(
        int seed, int components, int dimensions, PrecisionForm form, float offset = 0f)
    {
        var random = new Random(seed);
        int d = dimensions;
        var means = new float[components * d];
        var factors = new float[components * form.PrecisionLength(d)];
        var logNormalizer = new float[components];
        var weights = new double[components];
        for (int k = 0; k < components; k++)
        {
            weights[k] = 0.5 + random.NextDouble();
        }

        double weightSum = weights.Sum();
        for (int k = 0; k < components; k++)
        {
            double logDet = 0;
            for (int i = 0; i < d; i++)
            {
                means[(k * d) + i] = offset + (float)((random.NextDouble() * 6) - 3);
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
                    factors[(k * d * d) + (i * d) + j] = (float)((random.NextDouble() - 0.5) * 0.6);
                }
            }

            logNormalizer[k] = (float)(Math.Log(weights[k] / weightSum) + logDet
                - (0.5 * d * Math.Log(2 * Math.PI)));
        }

        return new KernelModel(components, d, form, means, factors, logNormalizer);
    }

    /// <summary>N points: a model mean (round-robin) plus Gaussian noise of sd 1.</summary>
    public static float[] Points(int seed, KernelModel model, int rows)
    {
        var random = new Random(seed);
        int d = model.Dimensions;
        var data = new float[rows * d];
        for (int p = 0; p < rows; p++)
        {
            int k = p % model.Components;
            for (int i = 0; i < d; i++)
            {
                double u1 = 1.0 - random.NextDouble();
                double u2 = random.NextDouble();
                double normal = Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
                data[(p * d) + i] = (float)(model.Means[(k * d) + i] + normal);
            }
        }

        return data;
    }
}
