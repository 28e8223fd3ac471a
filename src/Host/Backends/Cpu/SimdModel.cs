using GmmGpu.Engine;

namespace GmmGpu.Backends.Cpu;

/// <summary>
/// A kernel model laid out for the SIMD pass: per component, contiguous
/// [log normalizer, mean (D), precision factor], the triangular factor packed by column
/// (P[0,0]; P[0,1], P[1,1]; P[0,2], …) in the order y_j = Σ_{i≤j} diff_i P[i,j] reads it.
/// </summary>
internal sealed class SimdModel
{
    public SimdModel(KernelModel model)
    {
        int d = model.Dimensions;
        Components = model.Components;
        Dimensions = d;
        Form = model.Form;
        MomentLength = model.Form.SecondMomentLength(d);
        Stride = 1 + d + MomentLength;
        Parameters = new float[Components * Stride];
        for (int k = 0; k < Components; k++)
        {
            Span<float> component = Parameters.AsSpan(k * Stride, Stride);
            component[0] = model.LogNormalizer[k];
            model.Means.AsSpan(k * d, d).CopyTo(component[1..]);
            int index = 1 + d;
            for (int j = 0; j < d; j++)
            {
                if (Form == PrecisionForm.Diagonal)
                {
                    component[index++] = model.PrecisionCholesky[(k * d) + j];
                    continue;
                }

                for (int i = 0; i <= j; i++)
                {
                    component[index++] = model.PrecisionCholesky[(k * d * d) + (i * d) + j];
                }
            }
        }
    }

    public int Components { get; }

    public int Dimensions { get; }

    public PrecisionForm Form { get; }

    /// <summary>Second-moment values per component: D(D+1)/2 or D.</summary>
    public int MomentLength { get; }

    /// <summary>Floats per component in <see cref="Parameters"/>; sums per component.</summary>
    public int Stride { get; }

    public float[] Parameters { get; }

    public ReadOnlySpan<float> Component(int k) => Parameters.AsSpan(k * Stride, Stride);
}
