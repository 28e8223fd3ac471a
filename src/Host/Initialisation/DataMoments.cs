namespace GmmGpu.Initialisation;

/// <summary>Per-feature bounds and variances of the data.</summary>
internal sealed class DataMoments
{
    private readonly double[] sum;
    private readonly double[] sumSquares;
    private readonly double[] shift;

    /// <summary>Empty moments, to which rows are added about <paramref name="shift"/>.</summary>
    /// <param name="shift">Shape (D): a row of the data, so data far from the origin does not
    /// cancel.</param>
    public DataMoments(ReadOnlySpan<float> shift)
    {
        int d = shift.Length;
        this.shift = new double[d];
        for (int j = 0; j < d; j++)
        {
            this.shift[j] = shift[j];
        }

        Minimum = new double[d];
        Maximum = new double[d];
        sum = new double[d];
        sumSquares = new double[d];
        Array.Fill(Minimum, double.PositiveInfinity);
        Array.Fill(Maximum, double.NegativeInfinity);
    }

    public double[] Minimum { get; }

    public double[] Maximum { get; }

    /// <summary>Rows added so far.</summary>
    public long Count { get; private set; }

    /// <summary>Per-feature population variance, shape (D).</summary>
    public double[] Variance
    {
        get
        {
            var variance = new double[shift.Length];
            for (int j = 0; j < variance.Length; j++)
            {
                double mean = sum[j] / Count;
                variance[j] = Math.Max((sumSquares[j] / Count) - (mean * mean), 0);
            }

            return variance;
        }
    }

    public double MeanVariance => Variance.Average();

    /// <summary>The moments of row-major data, shape (N, D), about its first row.</summary>
    public static DataMoments Compute(ReadOnlySpan<float> data, int d)
    {
        var moments = new DataMoments(data[..d]);
        moments.Add(data);
        return moments;
    }

    /// <summary>Adds rows, shape (n, D), row-major.</summary>
    public void Add(ReadOnlySpan<float> rows)
    {
        int d = shift.Length;
        long n = rows.Length / d;
        for (long i = 0; i < n; i++)
        {
            for (int j = 0; j < d; j++)
            {
                double x = rows[(int)((i * d) + j)];
                double centred = x - shift[j];
                Minimum[j] = Math.Min(Minimum[j], x);
                Maximum[j] = Math.Max(Maximum[j], x);
                sum[j] += centred;
                sumSquares[j] += centred * centred;
            }
        }

        Count += n;
    }

    /// <summary>Combines the moments of every process (all about the same shift).</summary>
    public void AllReduce(Distributed.ICommunicator communicator)
    {
        communicator.AllReduceMin(Minimum);
        communicator.AllReduceMax(Maximum);
        double[] sums = [.. sum, .. sumSquares, Count];
        communicator.AllReduceSum(sums);
        sums.AsSpan(0, sum.Length).CopyTo(sum);
        sums.AsSpan(sum.Length, sum.Length).CopyTo(sumSquares);
        Count = (long)sums[^1];
    }
}
