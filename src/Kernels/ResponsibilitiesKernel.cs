using ILGPU;
using ILGPU.Algorithms;

namespace GmmGpu.Kernels;

/// <summary>Responsibilities of a batch of points (the caller bounds it: n×K values).</summary>
public static class ResponsibilitiesKernel
{
    /// <summary>output[i, k] = exp(log(w_k N(x_{start+i} | k)) − log p(x_{start+i})).</summary>
    public static void Execute(Index1D index, PointBatchParams<double> args)
    {
        ViewPoint x = args.Point(index);
        MixtureView model = args.Model;
        float logLikelihood = ComponentDensity.LogMixtureDensity(x, model);
        long row = (long)index.X * model.Components;
        for (int k = 0; k < model.Components; k++)
        {
            args.Output[row + k] =
                XMath.Exp(ComponentDensity.LogDensity(x, model, k) - logLikelihood);
        }
    }
}
