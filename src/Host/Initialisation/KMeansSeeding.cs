using GmmGpu.Engine;

namespace GmmGpu.Initialisation;

/// <summary>k-means++ seeding and Lloyd refinement over a backend's passes.</summary>
internal static class KMeansSeeding
{
    /// <summary>
    /// k-means++ (Arthur and Vassilveitskii): the first seed uniformly, each next one with
    /// probability proportional to its squared distance to the nearest seed so far.
    /// Returns seeds of shape (K, D).
    /// </summary>
    public static float[] PlusPlus(
        IComputeBackend backend,
        IDeviceDataset device,
        ReadOnlySpan<float> data,
        int components,
        Random random,
        CancellationToken cancellationToken)
    {
        int d = device.Columns;
        long n = device.Rows;
        var centres = new float[components * d];
        var minSquaredDistance = new float[n];
        CopyRow(data, random.NextInt64(n), d, centres.AsSpan(0, d));
        double total = backend.UpdateMinSquaredDistance(device, centres.AsSpan(0, d), minSquaredDistance, true);
        for (int c = 1; c < components; c++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            long row = total > 0
                ? SampleProportional(minSquaredDistance, random.NextDouble() * total)
                : random.NextInt64(n);
            Span<float> centre = centres.AsSpan(c * d, d);
            CopyRow(data, row, d, centre);
            total = backend.UpdateMinSquaredDistance(device, centre, minSquaredDistance, false);
        }

        return centres;
    }

    /// <summary>
    /// Lloyd iterations from <paramref name="centres"/> (updated in place) until the centres move
    /// by less than 1e-4 of the mean feature variance (scikit-learn's KMeans tol) or 300 steps.
    /// An empty cluster keeps its centre.
    /// </summary>
    public static void Refine(
        IComputeBackend backend,
        IDeviceDataset device,
        float[] centres,
        int components,
        double meanFeatureVariance,
        CancellationToken cancellationToken)
    {
        int d = device.Columns;
        var counts = new double[components];
        var sums = new double[components * d];
        double tolerance = 1e-4 * meanFeatureVariance;
        for (int step = 0; step < 300; step++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            backend.LloydStep(device, centres, components, counts, sums);
            double shift = 0;
            for (int c = 0; c < components; c++)
            {
                if (counts[c] == 0)
                {
                    continue;
                }

                for (int j = 0; j < d; j++)
                {
                    var moved = (float)(sums[(c * d) + j] / counts[c]);
                    double delta = moved - centres[(c * d) + j];
                    shift += delta * delta;
                    centres[(c * d) + j] = moved;
                }
            }

            if (shift <= tolerance)
            {
                return;
            }
        }
    }

    public static void CopyRow(ReadOnlySpan<float> data, long row, int d, Span<float> destination) =>
        data.Slice((int)(row * d), d).CopyTo(destination);

    private static long SampleProportional(float[] weights, double target)
    {
        double cumulative = 0;
        long last = 0;
        for (long i = 0; i < weights.LongLength; i++)
        {
            if (weights[i] > 0)
            {
                cumulative += weights[i];
                last = i;
                if (cumulative >= target)
                {
                    return i;
                }
            }
        }

        return last;
    }
}
