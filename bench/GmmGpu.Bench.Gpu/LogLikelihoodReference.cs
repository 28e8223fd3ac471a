using GmmGpu.Engine;

namespace GmmGpu.Bench.Gpu;

/// <summary>The float64 scalar reference the device's sums are checked against.</summary>
internal static class LogLikelihoodReference
{
    /// <summary>Σ log p(x) and Σ |log p(x)| over the first rows, every step in float64.</summary>
    public static (double LogLikelihood, double Magnitude) Compute(
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
