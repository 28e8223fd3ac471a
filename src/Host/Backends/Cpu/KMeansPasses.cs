using GmmGpu.Engine;
using GmmGpu.Kernels;

namespace GmmGpu.Backends.Cpu;

/// <summary>The k-means passes (k-means++ seeding and Lloyd steps), over one chunk each.</summary>
internal static class KMeansPasses
{
    /// <summary>|x − centre|², the difference taken first in float32.</summary>
    public static float SquaredDistance(ReadOnlySpan<float> x, ReadOnlySpan<float> centre)
    {
        float sum = 0;
        for (int i = 0; i < x.Length; i++)
        {
            float diff = x[i] - centre[i];
            sum += diff * diff;
        }

        return sum;
    }

    /// <summary>
    /// One chunk's k-means++ candidate: the smallest exponential key −ln(u_i) / D(x_i)² over
    /// its rows (lower row on equal keys), D(x_i)² = min_j |x_i − c_j|² in float32 (lowest j
    /// first, as the ILGPU kernel takes it); row −1 when every D² is 0.
    /// </summary>
    public static SampleCandidate SampleByMinSquaredDistance(
        ReadOnlySpan<float> rows,
        long start,
        int dimensions,
        ReadOnlySpan<float> centres,
        int count,
        ulong seed)
    {
        SampleCandidate best = SampleCandidate.None;
        int points = rows.Length / dimensions;
        for (int n = 0; n < points; n++)
        {
            ReadOnlySpan<float> x = rows.Slice(n * dimensions, dimensions);
            float distance = float.PositiveInfinity;
            for (int c = 0; c < count; c++)
            {
                float candidate = SquaredDistance(x, centres.Slice(c * dimensions, dimensions));
                if (candidate < distance)
                {
                    distance = candidate;
                }
            }

            long row = start + n;
            double key = ExponentialKeys.Key(seed, row, distance);
            if (ExponentialKeys.Precedes(key, row, best.Key, best.Row))
            {
                best = new SampleCandidate(key, row);
            }
        }

        return best;
    }

    /// <summary>Assigns one chunk's points to their nearest centres and sums per centre.</summary>
    public static LloydPartial LloydStep(
        ReadOnlySpan<float> rows,
        int count,
        int dimensions,
        ReadOnlySpan<float> centres,
        int components)
    {
        var partial = new LloydPartial(components, dimensions);
        for (int n = 0; n < count; n++)
        {
            ReadOnlySpan<float> x = rows.Slice(n * dimensions, dimensions);
            int nearest = 0;
            float best = float.PositiveInfinity;
            for (int k = 0; k < components; k++)
            {
                float distance = SquaredDistance(x, centres.Slice(k * dimensions, dimensions));
                if (distance < best)
                {
                    best = distance;
                    nearest = k;
                }
            }

            partial.Counts[nearest]++;
            Span<double> sum = partial.Sums.AsSpan(nearest * dimensions, dimensions);
            for (int i = 0; i < dimensions; i++)
            {
                sum[i] += x[i];
            }

            partial.Inertia += best;
        }

        return partial;
    }
}

/// <summary>One chunk's Lloyd-step sums, in float64.</summary>
internal sealed class LloydPartial(int components, int dimensions)
{
    public double[] Counts { get; } = new double[components];

    public double[] Sums { get; } = new double[components * dimensions];

    public double Inertia { get; set; }
}
