using GmmGpu.Engine;

namespace GmmGpu.Backends.Cpu;

/// <summary>Per-thread scratch for the scalar per-point routine: one point's D, K values.</summary>
internal sealed class PointScratch(KernelModel model)
{
    public float[] Point { get; } = new float[model.Dimensions];

    public float[] Diff { get; } = new float[model.Dimensions];

    public float[] LogDensity { get; } = new float[model.Components];

    /// <summary>log p(x); leaves the component log-densities in <see cref="LogDensity"/>.</summary>
    public double LogProbability(KernelModel model, ReadOnlySpan<float> x) =>
        PointDensity.LogProbability(model, x, Diff, LogDensity);
}
