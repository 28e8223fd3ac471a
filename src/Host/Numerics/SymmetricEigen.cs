namespace GmmGpu.Numerics;

/// <summary>
/// Eigenvalues and eigenvectors of a small real symmetric matrix by the cyclic Jacobi method:
/// plane rotations zero one off-diagonal entry at a time until the off-diagonal part vanishes.
/// O(n³) per sweep and about ten sweeps; meant for covariance matrices of up to a few hundred
/// features, where it is accurate to rounding even for close eigenvalues.
/// </summary>
public static class SymmetricEigen
{
    private const int MaxSweeps = 100;

    /// <summary>
    /// Decomposes <paramref name="matrix"/> (shape (n, n), row-major, symmetric; only read).
    /// </summary>
    /// <returns>The n eigenvalues, largest first, and the eigenvectors as the columns of an
    /// (n, n) row-major matrix in the same order, each of unit length with its largest entry (in
    /// magnitude) positive, so that the result does not depend on rounding.</returns>
    public static (double[] Values, double[] Vectors) Decompose(ReadOnlySpan<double> matrix, int n)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(n);
        ArgumentOutOfRangeException.ThrowIfNotEqual(matrix.Length, n * n, nameof(matrix));
        double[] a = matrix.ToArray();
        var v = new double[n * n];
        for (int i = 0; i < n; i++)
        {
            v[(i * n) + i] = 1;
        }

        for (int sweep = 0; sweep < MaxSweeps && OffDiagonal(a, n) > 1e-30 * Total(a); sweep++)
        {
            for (int p = 0; p < n - 1; p++)
            {
                for (int q = p + 1; q < n; q++)
                {
                    Rotate(a, v, n, p, q);
                }
            }
        }

        int[] order = [.. Enumerable.Range(0, n).OrderByDescending(i => a[(i * n) + i])];
        double[] values = [.. order.Select(i => a[(i * n) + i])];
        var vectors = new double[n * n];
        for (int column = 0; column < n; column++)
        {
            int from = order[column];
            int largest = Enumerable.Range(0, n).MaxBy(r => Math.Abs(v[(r * n) + from]));
            double sign = v[(largest * n) + from] < 0 ? -1 : 1;
            for (int row = 0; row < n; row++)
            {
                vectors[(row * n) + column] = sign * v[(row * n) + from];
            }
        }

        return (values, vectors);
    }

    /// <summary>
    /// A ← JᵀAJ and V ← VJ for the rotation J in plane (p, q) that zeroes a[p, q]
    /// (Numerical Recipes' choice of the smaller angle, which keeps the method stable).
    /// </summary>
    private static void Rotate(double[] a, double[] v, int n, int p, int q)
    {
        double apq = a[(p * n) + q];
        if (apq == 0)
        {
            return;
        }

        double theta = (a[(q * n) + q] - a[(p * n) + p]) / (2 * apq);
        double t = (theta >= 0 ? 1 : -1) / (Math.Abs(theta) + Math.Sqrt((theta * theta) + 1));
        double c = 1 / Math.Sqrt((t * t) + 1), s = t * c;
        for (int k = 0; k < n; k++)
        {
            double kp = a[(k * n) + p], kq = a[(k * n) + q];
            a[(k * n) + p] = (c * kp) - (s * kq);
            a[(k * n) + q] = (s * kp) + (c * kq);
        }

        for (int k = 0; k < n; k++)
        {
            double pk = a[(p * n) + k], qk = a[(q * n) + k];
            a[(p * n) + k] = (c * pk) - (s * qk);
            a[(q * n) + k] = (s * pk) + (c * qk);
        }

        for (int k = 0; k < n; k++)
        {
            double kp = v[(k * n) + p], kq = v[(k * n) + q];
            v[(k * n) + p] = (c * kp) - (s * kq);
            v[(k * n) + q] = (s * kp) + (c * kq);
        }
    }

    private static double OffDiagonal(double[] a, int n)
    {
        double sum = 0;
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                sum += i == j ? 0 : a[(i * n) + j] * a[(i * n) + j];
            }
        }

        return sum;
    }

    private static double Total(double[] a) => a.Sum(x => x * x);
}
