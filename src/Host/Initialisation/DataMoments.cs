namespace GmmGpu.Initialisation;

/// <summary>Per-feature bounds and variances of row-major data, in one host pass.</summary>
internal sealed class DataMoments
{
    private DataMoments(double[] minimum, double[] maximum, double[] variance)
    {
        Minimum = minimum;
        Maximum = maximum;
        Variance = variance;
    }

    public double[] Minimum { get; }

    public double[] Maximum { get; }

    public double[] Variance { get; }

    public double MeanVariance => Variance.Average();

    public static DataMoments Compute(ReadOnlySpan<float> data, int d)
    {
        long n = data.Length / d;
        var minimum = new double[d];
        var maximum = new double[d];
        var sum = new double[d];
        var sumSquares = new double[d];
        Array.Fill(minimum, double.PositiveInfinity);
        Array.Fill(maximum, double.NegativeInfinity);
        for (long i = 0; i < n; i++)
        {
            for (int j = 0; j < d; j++)
            {
                // About the first row, so data far from the origin does not cancel.
                double x = data[(int)((i * d) + j)];
                double centred = x - data[j];
                minimum[j] = Math.Min(minimum[j], x);
                maximum[j] = Math.Max(maximum[j], x);
                sum[j] += centred;
                sumSquares[j] += centred * centred;
            }
        }

        var variance = new double[d];
        for (int j = 0; j < d; j++)
        {
            double mean = sum[j] / n;
            variance[j] = Math.Max((sumSquares[j] / n) - (mean * mean), 0);
        }

        return new DataMoments(minimum, maximum, variance);
    }
}
