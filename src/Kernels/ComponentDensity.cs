using ILGPU;
using ILGPU.Algorithms;

namespace GmmGpu.Kernels;

/// <summary>
/// Per-point Gaussian log-densities shared by every kernel. For component k,
/// diff = x − mean_k (the difference first, in float32, so data far from the origin keeps its
/// digits), y = diff · P_k with y_j = Σ_{i≤j} diff_i·P_k[i,j] (triangular) or
/// y_j = diff_j·P_k[j] (diagonal), and log(w_k N(x | k)) = LogNormalizer[k] − ½|y|².
/// </summary>
public static class ComponentDensity
{
    /// <summary>log(w_k N(x | mean_k, Σ_k)).</summary>
    public static float LogDensity<TPoint>(in TPoint x, in MixtureView model, int k)
        where TPoint : struct, IPointSource =>
        LogDensityOfDifference(
            new PointDifference<TPoint>(x, model.Means, (long)k * model.Dimensions), model, k);

    /// <summary>log(w_k N(x | mean_k, Σ_k)) from diff = x − mean_k, coordinate by coordinate.</summary>
    public static float LogDensityOfDifference<TDifference>(
        in TDifference diff, in MixtureView model, int k)
        where TDifference : struct, IPointSource
    {
        int d = model.Dimensions;
        long meanBase = (long)k * d;
        float squared = 0f;
        if (model.Form == DensityForm.Diagonal)
        {
            for (int j = 0; j < d; j++)
            {
                float y = diff.Get(j) * model.PrecisionCholesky[meanBase + j];
                squared += y * y;
            }
        }
        else
        {
            long factorBase = meanBase * d;
            for (int j = 0; j < d; j++)
            {
                float y = 0f;
                for (int i = 0; i <= j; i++)
                {
                    y += diff.Get(i) * model.PrecisionCholesky[factorBase + (i * d) + j];
                }

                squared += y * y;
            }
        }

        return model.LogNormalizer[k] - (0.5f * squared);
    }

    /// <summary>log p(x) = logsumexp_k log(w_k N(x | k)), in one pass (running maximum).</summary>
    public static float LogMixtureDensity<TPoint>(in TPoint x, in MixtureView model)
        where TPoint : struct, IPointSource
    {
        float max = float.NegativeInfinity;
        float sum = 0f;
        for (int k = 0; k < model.Components; k++)
        {
            AddToLogSum(LogDensity(x, model, k), ref max, ref sum);
        }

        return max + XMath.Log(sum);
    }

    /// <summary>
    /// Turns the log-densities logp_k = values[offset + k·stride], k &lt; K, of one point into
    /// responsibilities r_k = exp(logp_k − log p(x)) in place; returns log p(x).
    /// </summary>
    public static float NormalizeLogDensities(
        ArrayView<float> values, long offset, int stride, int components)
    {
        float max = float.NegativeInfinity;
        float sum = 0f;
        for (int k = 0; k < components; k++)
        {
            AddToLogSum(values[offset + ((long)k * stride)], ref max, ref sum);
        }

        float logLikelihood = max + XMath.Log(sum);
        for (int k = 0; k < components; k++)
        {
            long index = offset + ((long)k * stride);
            values[index] = XMath.Exp(values[index] - logLikelihood);
        }

        return logLikelihood;
    }

    /// <summary>Streaming log-sum-exp: after all terms, log Σ exp(term) = max + log(sum).</summary>
    public static void AddToLogSum(float term, ref float max, ref float sum)
    {
        if (term > max)
        {
            sum = (sum * XMath.Exp(max - term)) + 1f;
            max = term;
        }
        else if (term > float.NegativeInfinity)
        {
            sum += XMath.Exp(term - max);
        }
    }
}
