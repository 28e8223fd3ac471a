using GmmGpu.Engine;

namespace GmmGpu.Tests.Backends;

/// <summary>
/// A plain float64 scalar reference for the per-point passes, written from the maths in
/// <see cref="KernelModel"/> and <see cref="SufficientStatistics"/>: one point at a time,
/// every quantity in double. It also returns Σ|term| per sum so tests can bound the error of
/// float32 per-point arithmetic relative to the size of what was summed.
/// </summary>
public static class IlgpuReference
{
    /// <summary>log(w_k N(x | k)) for every component, shape (K).</summary>
    public static double[] LogDensities(KernelModel model, ReadOnlySpan<float> x)
    {
        int d = model.Dimensions;
        var result = new double[model.Components];
        for (int k = 0; k < model.Components; k++)
        {
            double squared = 0;
            for (int j = 0; j < d; j++)
            {
                double y = 0;
                if (model.Form == PrecisionForm.Diagonal)
                {
                    y = ((double)x[j] - model.Means[(k * d) + j])
                        * model.PrecisionCholesky[(k * d) + j];
                }
                else
                {
                    for (int i = 0; i <= j; i++)
                    {
                        y += ((double)x[i] - model.Means[(k * d) + i])
                            * model.PrecisionCholesky[(k * d * d) + (i * d) + j];
                    }
                }

                squared += y * y;
            }

            result[k] = model.LogNormalizer[k] - (0.5 * squared);
        }

        return result;
    }

    /// <summary>log Σ_k exp(values[k]).</summary>
    public static double LogSumExp(double[] values)
    {
        double max = values.Max();
        double sum = values.Sum(v => Math.Exp(v - max));
        return max + Math.Log(sum);
    }

    /// <summary>Responsibilities of one point, shape (K).</summary>
    public static double[] Responsibilities(KernelModel model, ReadOnlySpan<float> x)
    {
        double[] logDensities = LogDensities(model, x);
        double logLikelihood = LogSumExp(logDensities);
        return logDensities.Select(v => Math.Exp(v - logLikelihood)).ToArray();
    }

    /// <summary>The statistics of one E-step and, alongside, Σ|term| of every sum.</summary>
    public static (SufficientStatistics Sums, SufficientStatistics Magnitudes) Statistics(
        KernelModel model, float[] data)
    {
        int k = model.Components;
        int d = model.Dimensions;
        var sums = new SufficientStatistics(k, d, model.Form);
        var magnitudes = new SufficientStatistics(k, d, model.Form);
        int moments = model.Form.SecondMomentLength(d);
        long n = data.Length / d;
        var diff = new double[d];
        for (long p = 0; p < n; p++)
        {
            ReadOnlySpan<float> x = data.AsSpan((int)(p * d), d);
            double[] logDensities = LogDensities(model, x);
            double logLikelihood = LogSumExp(logDensities);
            sums.LogLikelihood += logLikelihood;
            magnitudes.LogLikelihood += Math.Abs(logLikelihood);
            for (int c = 0; c < k; c++)
            {
                double r = Math.Exp(logDensities[c] - logLikelihood);
                sums.Nk[c] += r;
                magnitudes.Nk[c] += r;
                for (int i = 0; i < d; i++)
                {
                    diff[i] = (double)x[i] - model.Means[(c * d) + i];
                    sums.Sk[(c * d) + i] += r * diff[i];
                    magnitudes.Sk[(c * d) + i] += Math.Abs(r * diff[i]);
                }

                int m = c * moments;
                for (int i = 0; i < d; i++)
                {
                    int last = model.Form == PrecisionForm.Triangular ? d - 1 : i;
                    for (int j = i; j <= last; j++, m++)
                    {
                        sums.Qk[m] += r * diff[i] * diff[j];
                        magnitudes.Qk[m] += Math.Abs(r * diff[i] * diff[j]);
                    }
                }
            }
        }

        sums.Count = n;
        magnitudes.Count = n;
        return (sums, magnitudes);
    }

    /// <summary>|x − c|² in double.</summary>
    public static double SquaredDistance(ReadOnlySpan<float> x, ReadOnlySpan<float> centre)
    {
        double sum = 0;
        for (int i = 0; i < x.Length; i++)
        {
            double diff = (double)x[i] - centre[i];
            sum += diff * diff;
        }

        return sum;
    }

    /// <summary>Nearest centre of each point (lowest index on ties), shape (N).</summary>
    public static int[] Assign(float[] data, int d, float[] centres, int components)
    {
        var labels = new int[data.Length / d];
        for (int p = 0; p < labels.Length; p++)
        {
            double best = double.PositiveInfinity;
            for (int k = 0; k < components; k++)
            {
                double distance = SquaredDistance(
                    data.AsSpan(p * d, d), centres.AsSpan(k * d, d));
                if (distance < best)
                {
                    best = distance;
                    labels[p] = k;
                }
            }
        }

        return labels;
    }

    /// <summary>Mixture density p(x) at every grid point, shape (Height, Width).</summary>
    public static double[] DensityGrid(KernelModel model, DensityGrid grid)
    {
        int d = model.Dimensions;
        var result = new double[grid.Width * grid.Height];
        var x = new float[d];
        for (int j = 0; j < grid.Height; j++)
        {
            for (int i = 0; i < grid.Width; i++)
            {
                for (int f = 0; f < d; f++)
                {
                    x[f] = grid.BasePoint?[f] ?? 0f;
                }

                if (d > 1)
                {
                    x[grid.DimY] = (float)grid.Y(j);
                }

                x[grid.DimX] = (float)grid.X(i);
                result[(j * grid.Width) + i] = Math.Exp(LogSumExp(LogDensities(model, x)));
            }
        }

        return result;
    }
}
