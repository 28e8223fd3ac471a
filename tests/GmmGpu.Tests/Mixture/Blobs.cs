namespace GmmGpu.Tests.Mixture;

/// <summary>Seeded test data: well-separated 2-D blobs with rotated, unequal covariances.</summary>
internal static class Blobs
{
    public static readonly double[] TrueMeans = [0, 0, 8, 1, 3, 9];

    /// <summary>Shape (n, 2), grouped by blob with the given labels (n/3 per blob).</summary>
    public static (float[] Data, int[] Labels) Create(int n, int seed, double offset = 0)
    {
        var random = new Random(seed);
        var data = new float[n * 2];
        var labels = new int[n];
        double[][] chol = [[1.0, 0, 0.5, 0.6], [0.4, 0, -0.3, 1.2], [0.8, 0, 0.0, 0.3]];
        for (int i = 0; i < n; i++)
        {
            int c = i * 3 / n;
            double z0 = Gaussian(random), z1 = Gaussian(random);
            double[] l = chol[c];
            data[2 * i] = (float)(offset + TrueMeans[2 * c] + (l[0] * z0));
            data[(2 * i) + 1] = (float)(offset + TrueMeans[(2 * c) + 1] + (l[2] * z0) + (l[3] * z1));
            labels[i] = c;
        }

        return (data, labels);
    }

    public static double Gaussian(Random random)
    {
        double u = 1.0 - random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u)) * Math.Cos(2 * Math.PI * random.NextDouble());
    }
}
