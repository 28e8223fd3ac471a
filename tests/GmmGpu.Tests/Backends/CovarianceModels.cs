using GmmGpu.Engine;

namespace GmmGpu.Tests.Backends;

/// <summary>Random kernel models of each covariance type (<see cref="RandomMixture"/>).</summary>
internal static class CovarianceModels
{
    /// <summary>
    /// Full and diagonal as <see cref="RandomMixture.CreateModel"/> draws them; tied: every
    /// component takes component 0's factor; spherical: every feature takes feature 0's value.
    /// The log normalizers follow the new factors.
    /// </summary>
    public static KernelModel Create(
        Random random,
        int components,
        int dimensions,
        CovarianceType type,
        double offset = 0)
    {
        PrecisionForm form = type is CovarianceType.Full or CovarianceType.Tied
            ? PrecisionForm.Triangular
            : PrecisionForm.Diagonal;
        KernelModel model = RandomMixture.CreateModel(random, components, dimensions, form, offset);
        if (type is CovarianceType.Full or CovarianceType.Diagonal)
        {
            return model;
        }

        int d = dimensions;
        int length = form.PrecisionLength(d);
        float[] factor = (float[])model.PrecisionCholesky.Clone();
        float[] logNormalizer = (float[])model.LogNormalizer.Clone();
        for (int k = 0; k < components; k++)
        {
            Span<float> component = factor.AsSpan(k * length, length);
            double before = LogDeterminant(component, d, form);
            if (type == CovarianceType.Tied)
            {
                factor.AsSpan(0, length).CopyTo(component);
            }
            else
            {
                component.Fill(component[0]);
            }

            logNormalizer[k] += (float)(LogDeterminant(component, d, form) - before);
        }

        return new KernelModel(components, d, form, model.Means, factor, logNormalizer);
    }

    private static double LogDeterminant(ReadOnlySpan<float> factor, int d, PrecisionForm form)
    {
        double sum = 0;
        for (int i = 0; i < d; i++)
        {
            sum += Math.Log(form == PrecisionForm.Triangular ? factor[(i * d) + i] : factor[i]);
        }

        return sum;
    }
}
