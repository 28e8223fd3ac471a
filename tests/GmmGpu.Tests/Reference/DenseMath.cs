namespace GmmGpu.Tests.Reference;

/// <summary>Small dense row-major matrix helpers for the float64 reference.</summary>
internal static class DenseMath
{
    /// <summary>
    /// Lower Cholesky factor L of the symmetric positive-definite d×d matrix at
    /// <paramref name="a"/>[offset..], with L·Lᵀ = A. Reads the lower triangle only.
    /// </summary>
    public static double[] Cholesky(double[] a, int offset, int d)
    {
        var l = new double[d * d];
        for (int i = 0; i < d; i++)
        {
            for (int j = 0; j <= i; j++)
            {
                double sum = a[offset + i * d + j];
                for (int p = 0; p < j; p++)
                {
                    sum -= l[i * d + p] * l[j * d + p];
                }

                if (i == j)
                {
                    if (!(sum > 0.0))
                    {
                        throw new InvalidOperationException(
                            $"Matrix is not positive definite: pivot {i} is {sum}.");
                    }

                    l[i * d + i] = Math.Sqrt(sum);
                }
                else
                {
                    l[i * d + j] = sum / l[j * d + j];
                }
            }
        }

        return l;
    }

    /// <summary>Inverse of the lower-triangular d×d matrix L (forward substitution on I).</summary>
    public static double[] InvertLower(double[] l, int d)
    {
        var inv = new double[d * d];
        for (int col = 0; col < d; col++)
        {
            for (int i = col; i < d; i++)
            {
                double sum = i == col ? 1.0 : 0.0;
                for (int p = col; p < i; p++)
                {
                    sum -= l[i * d + p] * inv[p * d + col];
                }

                inv[i * d + col] = sum / l[i * d + i];
            }
        }

        return inv;
    }

    /// <summary>Transpose of a d×d matrix.</summary>
    public static double[] Transpose(double[] a, int d)
    {
        var t = new double[d * d];
        for (int i = 0; i < d; i++)
        {
            for (int j = 0; j < d; j++)
            {
                t[j * d + i] = a[i * d + j];
            }
        }

        return t;
    }

    /// <summary>log Σ exp(values), stable (scipy.special.logsumexp).</summary>
    public static double LogSumExp(ReadOnlySpan<double> values)
    {
        double max = double.NegativeInfinity;
        foreach (double v in values)
        {
            max = Math.Max(max, v);
        }

        if (double.IsNegativeInfinity(max))
        {
            return max;
        }

        double sum = 0.0;
        foreach (double v in values)
        {
            sum += Math.Exp(v - max);
        }

        return max + Math.Log(sum);
    }
}
