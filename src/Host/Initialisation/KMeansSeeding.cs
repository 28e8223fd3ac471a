using GmmGpu.Passes;

namespace GmmGpu.Initialisation;

/// <summary>k-means++ seeding and Lloyd refinement over a backend's passes.</summary>
internal static class KMeansSeeding
{
    /// <summary>
    /// k-means++ (Arthur and Vassilveitskii): the first seed uniformly, each next one with
    /// probability proportional to its squared distance to the nearest seed so far, drawn by
    /// the backend in one pass with no per-point state (a uniform one when every point sits
    /// on a seed). Returns seeds of shape (K, D).
    /// </summary>
    public static float[] PlusPlus(
        DataPasses data,
        int components,
        Random random,
        CancellationToken cancellationToken)
    {
        int d = data.Columns;
        long n = data.Rows;
        var centres = new float[components * d];
        data.ReadRow(random.NextInt64(n), centres.AsSpan(0, d));
        for (int c = 1; c < components; c++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            long row = data.SampleByMinSquaredDistance(
                centres.AsSpan(0, c * d), c, (ulong)random.NextInt64(), cancellationToken);
            if (row < 0)
            {
                row = random.NextInt64(n);
            }

            data.ReadRow(row, centres.AsSpan(c * d, d));
        }

        return centres;
    }

    /// <summary>
    /// Lloyd iterations from <paramref name="centres"/> (updated in place) until the centres move
    /// by less than 1e-4 of the mean feature variance (scikit-learn's KMeans tol) or 300 steps.
    /// An empty cluster keeps its centre.
    /// </summary>
    public static void Refine(
        DataPasses data,
        float[] centres,
        int components,
        double meanFeatureVariance,
        CancellationToken cancellationToken)
    {
        int d = data.Columns;
        var counts = new double[components];
        var sums = new double[components * d];
        double tolerance = 1e-4 * meanFeatureVariance;
        for (int step = 0; step < 300; step++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            data.LloydStep(centres, components, counts, sums, cancellationToken);
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
}
