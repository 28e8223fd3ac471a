using ILGPU;

namespace GmmGpu.Kernels;

/// <summary>Per-point most likely component.</summary>
public static class PredictKernel
{
    /// <summary>
    /// output[i] = argmax_k log(w_k N(x_{start+i} | k)); the lowest k on ties; −1 when every
    /// log-density overflowed float32 (the host recomputes such a point in float64).
    /// </summary>
    public static void Execute(Index1D index, PointBatchParams<int> args)
    {
        ViewPoint x = args.Point(index);
        int best = 0;
        float bestLogDensity = float.NegativeInfinity;
        for (int k = 0; k < args.Model.Components; k++)
        {
            float logDensity = ComponentDensity.LogDensity(x, args.Model, k);
            if (logDensity > bestLogDensity)
            {
                best = k;
                bestLogDensity = logDensity;
            }
        }

        args.Output[index] = bestLogDensity > float.MinValue ? best : -1;
    }
}
