using ILGPU;

namespace GmmGpu.Kernels;

/// <summary>Per-point log-likelihood.</summary>
public static class ScoreSamplesKernel
{
    /// <summary>output[i] = log p(x_{start+i}) = logsumexp_k log(w_k N(x | k)).</summary>
    public static void Execute(Index1D index, PointBatchParams<double> args) =>
        args.Output[index] = ComponentDensity.LogMixtureDensity(args.Point(index), args.Model);
}
