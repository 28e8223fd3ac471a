using ILGPU;

namespace GmmGpu.Kernels;

/// <summary>The squared Euclidean distance between a point and a centre.</summary>
public static class PointDistance
{
    /// <summary>
    /// Σ_i (x[xOffset + i] − c[cOffset + i])² in float32, the difference taken first (so data
    /// far from the origin keeps its digits) and summed in increasing i.
    /// </summary>
    public static float Squared(
        ArrayView<float> x, long xOffset, ArrayView<float> centres, long cOffset, int d)
    {
        float sum = 0f;
        for (int i = 0; i < d; i++)
        {
            float diff = x[xOffset + i] - centres[cOffset + i];
            sum += diff * diff;
        }

        return sum;
    }
}
