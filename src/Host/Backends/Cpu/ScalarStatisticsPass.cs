using GmmGpu.Engine;

namespace GmmGpu.Backends.Cpu;

/// <summary>The fused E-step over one chunk, one point at a time (float64 sums).</summary>
internal static class ScalarStatisticsPass
{
    public static StatisticsPartial Run(
        KernelModel model,
        ReadOnlySpan<float> rows,
        int count,
        PointScratch scratch)
    {
        int d = model.Dimensions;
        bool triangular = model.Form == PrecisionForm.Triangular;
        int momentLength = model.Form.SecondMomentLength(d);
        var partial = new StatisticsPartial(model.Components, d, model.Form);
        for (int n = 0; n < count; n++)
        {
            ReadOnlySpan<float> x = rows.Slice(n * d, d);
            double logProbability = scratch.LogProbability(model, x);
            partial.LogLikelihood += logProbability;
            for (int k = 0; k < model.Components; k++)
            {
                double r = Math.Exp(scratch.LogDensity[k] - logProbability);
                ReadOnlySpan<float> mean = model.Means.AsSpan(k * d, d);
                Span<double> s = partial.Sk.AsSpan(k * d, d);
                Span<double> q = partial.Qk.AsSpan(k * momentLength, momentLength);
                partial.Nk[k] += r;
                int index = 0;
                for (int i = 0; i < d; i++)
                {
                    float di = x[i] - mean[i];
                    s[i] += r * di;
                    for (int j = triangular ? i : d; j < d; j++)
                    {
                        q[index++] += r * di * (x[j] - mean[j]);
                    }

                    if (!triangular)
                    {
                        q[i] += r * di * di;
                    }
                }
            }
        }

        return partial;
    }
}
