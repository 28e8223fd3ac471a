using System.Numerics.Tensors;

namespace GmmGpu.Numerics;

/// <summary>
/// Dense Cholesky helpers on row-major D×D float64 matrices. Every inner sum is a dot product
/// of two contiguous rows; the bulk of them (at large D, thousands of features, the work is
/// D³/3 each) are taken eight at a time by <see cref="RowDots"/>, rows <see cref="Block"/> at
/// a time.
/// </summary>
internal static class Cholesky
{
    /// <summary>Rows (factor) or columns (inverse) computed together; a multiple of
    /// <see cref="RowDots.Others"/>, so the columns left of a block pair up.</summary>
    private const int Block = 16;

    /// <summary>
    /// Lower factor L with A = L Lᵀ, written into <paramref name="lower"/>. Returns false when A
    /// is not (numerically) positive definite.
    /// </summary>
    public static bool TryFactor(ReadOnlySpan<double> matrix, int d, Span<double> lower)
    {
        lower[..(d * d)].Clear();
        Span<double> sums = stackalloc double[RowDots.Rows * RowDots.Others];
        for (int first = 0; first < d; first += Block)
        {
            int end = Math.Min(first + Block, d);
            // L[i, j] = (A[i, j] − L[i, :j]·L[j, :j]) / L[j, j]. Left of the block (the bulk):
            // four of its rows against two columns j at a time, their sums over p < j at once,
            // then the second column's own term p = j.
            for (int j = 0; j < first; j += RowDots.Others)
            {
                for (int i = first; i < end; i += RowDots.Rows)
                {
                    int rows = Math.Min(RowDots.Rows, end - i);
                    RowDots.Tile(lower, d, i, rows, j, 0, j, sums);
                    for (int a = 0; a < rows; a++)
                    {
                        int row = (i + a) * d, next = (j + 1) * d;
                        double left = (matrix[row + j] - sums[a * RowDots.Others])
                            / lower[(j * d) + j];
                        lower[row + j] = left;
                        double sum = sums[(a * RowDots.Others) + 1] + (left * lower[next + j]);
                        lower[row + j + 1] = (matrix[row + j + 1] - sum) / lower[next + j + 1];
                    }
                }
            }

            // The block's own columns (D·Block² of the D³/3 flops): row j is complete by the
            // time column j is done.
            for (int j = first; j < end; j++)
            {
                ReadOnlySpan<double> rowJ = lower.Slice(j * d, j);
                double diagonal = matrix[(j * d) + j] - TensorPrimitives.Dot(rowJ, rowJ);
                if (!(diagonal > 0) || !double.IsFinite(diagonal))
                {
                    return false;
                }

                double root = Math.Sqrt(diagonal);
                lower[(j * d) + j] = root;
                for (int i = j + 1; i < end; i++)
                {
                    double dot = TensorPrimitives.Dot(lower.Slice(i * d, j), rowJ);
                    lower[(i * d) + j] = (matrix[(i * d) + j] - dot) / root;
                }
            }
        }

        return true;
    }

    /// <summary>
    /// Upper-triangular U = (L⁻¹)ᵀ, the precision Cholesky factor of scikit-learn:
    /// Σ⁻¹ = U Uᵀ when Σ = L Lᵀ.
    /// </summary>
    public static void InverseTransposeOfLower(ReadOnlySpan<double> lower, int d, Span<double> upper)
    {
        lower[..(d * d)].CopyTo(upper);
        InverseTransposeOfLowerInPlace(upper, d);
    }

    /// <summary>
    /// <see cref="InverseTransposeOfLower"/> in place: <paramref name="matrix"/> holds L in its
    /// lower triangle and comes back holding U, zeros below the diagonal. U is written over
    /// the upper triangle while L's strict lower triangle is still read (its diagonal kept
    /// aside), so a large D needs no second D×D matrix.
    /// </summary>
    public static void InverseTransposeOfLowerInPlace(Span<double> matrix, int d)
    {
        Span<double> diagonal = d <= 64 ? stackalloc double[d] : new double[d];
        for (int i = 0; i < d; i++)
        {
            diagonal[i] = matrix[(i * d) + i];
        }

        // Column c of L⁻¹ by forward substitution, x_i = (δ_ic − L[i, c:i]·x[c:i]) / L[i, i]
        // for i ≥ c; it becomes row c of U (x_i at column i, right of the diagonal, where L
        // has nothing). Columns go a block at a time.
        Span<double> sums = stackalloc double[RowDots.Rows * RowDots.Others];
        for (int first = 0; first < d; first += Block)
        {
            int end = Math.Min(first + Block, d);
            // The block's own rows: the triangle at the diagonal, one sum at a time.
            for (int i = first; i < end; i++)
            {
                for (int c = first; c <= i; c++)
                {
                    Substitute(matrix, d, diagonal, i, c);
                }
            }

            // The rows below (the bulk): four at a time against two columns at a time, their
            // sums over p in [c + 1, i) at once, then column c's term p = c and the terms of
            // the tile's own earlier rows.
            for (int i = end; i < d; i += RowDots.Rows)
            {
                int rows = Math.Min(RowDots.Rows, d - i);
                int c = first;
                for (; c + 1 < end; c += RowDots.Others)
                {
                    RowDots.Tile(matrix, d, i, rows, c, c + 1, i - c - 1, sums);
                    for (int a = 0; a < rows; a++)
                    {
                        int row = (i + a) * d;
                        double sum0 = sums[a * RowDots.Others]
                            + (matrix[row + c] * matrix[(c * d) + c]);
                        double sum1 = sums[(a * RowDots.Others) + 1];
                        for (int p = i; p < i + a; p++)
                        {
                            sum0 += matrix[row + p] * matrix[(c * d) + p];
                            sum1 += matrix[row + p] * matrix[((c + 1) * d) + p];
                        }

                        matrix[(c * d) + i + a] = -sum0 / diagonal[i + a];
                        matrix[((c + 1) * d) + i + a] = -sum1 / diagonal[i + a];
                    }
                }

                // An odd last column.
                for (; c < end; c++)
                {
                    for (int r = i; r < i + rows; r++)
                    {
                        Substitute(matrix, d, diagonal, r, c);
                    }
                }
            }
        }

        for (int i = 1; i < d; i++)
        {
            matrix.Slice(i * d, i).Clear();
        }
    }

    /// <summary>One step of the forward substitution: x_i of column c, into row c at column i,
    /// from L[i, c:i] and x[c:i], one dot product.</summary>
    private static void Substitute(Span<double> matrix, int d, ReadOnlySpan<double> diagonal,
        int i, int c)
    {
        double dot = TensorPrimitives.Dot(
            matrix.Slice((i * d) + c, i - c), matrix.Slice((c * d) + c, i - c));
        matrix[(c * d) + i] = ((i == c ? 1.0 : 0.0) - dot) / diagonal[i];
    }
}
