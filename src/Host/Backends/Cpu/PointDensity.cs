using GmmGpu.Engine;

namespace GmmGpu.Backends.Cpu;

/// <summary>
/// The per-point log-density in scalar float32: the one routine behind scoring, prediction,
/// responsibilities and density grids. The SIMD statistics pass computes the same maths eight
/// points at a time.
/// </summary>
internal static class PointDensity
{
    /// <summary>
    /// logDensity[k] = LogNormalizer[k] − ½|y|², y = (x − mean_k)·P_k, with the difference
    /// taken first so that data far from the origin keeps its precision. Values are clamped
    /// at −float.MaxValue so that a degenerate component never makes a NaN downstream.
    /// </summary>
    /// <param name="x">Shape (D).</param>
    /// <param name="diff">Scratch, shape (D).</param>
    /// <param name="logDensity">Shape (K), written.</param>
    public static void ComponentLogDensities(
        KernelModel model,
        ReadOnlySpan<float> x,
        Span<float> diff,
        Span<float> logDensity)
    {
        int d = model.Dimensions;
        bool triangular = model.Form == PrecisionForm.Triangular;
        int precisionLength = model.Form.PrecisionLength(d);
        for (int k = 0; k < model.Components; k++)
        {
            ReadOnlySpan<float> mean = model.Means.AsSpan(k * d, d);
            ReadOnlySpan<float> precision =
                model.PrecisionCholesky.AsSpan(k * precisionLength, precisionLength);
            for (int i = 0; i < d; i++)
            {
                diff[i] = x[i] - mean[i];
            }

            float squaredNorm = 0;
            for (int j = 0; j < d; j++)
            {
                float y;
                if (triangular)
                {
                    y = 0;
                    for (int i = 0; i <= j; i++)
                    {
                        y += diff[i] * precision[(i * d) + j];
                    }
                }
                else
                {
                    y = diff[j] * precision[j];
                }

                squaredNorm += y * y;
            }

            logDensity[k] = Math.Max(
                model.LogNormalizer[k] - (0.5f * squaredNorm), -float.MaxValue);
        }
    }

    /// <summary>log Σ_k exp(logDensity[k]), i.e. log p(x).</summary>
    public static double LogSumExp(ReadOnlySpan<float> logDensity)
    {
        float max = float.NegativeInfinity;
        foreach (float value in logDensity)
        {
            max = Math.Max(max, value);
        }

        double sum = 0;
        foreach (float value in logDensity)
        {
            sum += Math.Exp((double)value - max);
        }

        return max + Math.Log(sum);
    }

    /// <summary>Fills <paramref name="logDensity"/> and returns log p(x).</summary>
    public static double LogProbability(
        KernelModel model,
        ReadOnlySpan<float> x,
        Span<float> diff,
        Span<float> logDensity)
    {
        ComponentLogDensities(model, x, diff, logDensity);
        return LogSumExp(logDensity);
    }
}
