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

    /// <summary>Updates one chunk's minimum squared distances; returns their float64 sum.</summary>
    public static double UpdateMinSquaredDistance(
        ReadOnlySpan<float> rows,
        int dimensions,
        ReadOnlySpan<float> centre,
        Span<float> minSquaredDistance,
        bool reset)
    {
        double total = 0;
        for (int n = 0; n < minSquaredDistance.Length; n++)
        {
            float distance = SquaredDistance(rows.Slice(n * dimensions, dimensions), centre);
            float updated = reset ? distance : Math.Min(minSquaredDistance[n], distance);
            minSquaredDistance[n] = updated;
            total += updated;
        }

        return total;
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
