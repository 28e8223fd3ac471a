using System.Numerics.Tensors;

namespace GmmGpu.Numerics;

/// <summary>
/// Dense Cholesky helpers on row-major D×D float64 matrices. Every inner sum is a dot product
/// of two contiguous rows (SIMD), and rows are taken <see cref="Block"/> at a time, so that
/// each row they read from the rest of the matrix is read once for the whole block: at large D
/// (thousands of features) the work is D³/3 and the matrix far larger than the caches.
/// </summary>
internal static class Cholesky
{
    /// <summary>Rows computed together: each shared row is read once per block.</summary>
    private const int Block = 16;

    /// <summary>
    /// Lower factor L with A = L Lᵀ, written into <paramref name="lower"/>. Returns false when A
    /// is not (numerically) positive definite.
    /// </summary>
    public static bool TryFactor(ReadOnlySpan<double> matrix, int d, Span<double> lower)
    {
        lower[..(d * d)].Clear();
        for (int first = 0; first < d; first += Block)
        {
            int end = Math.Min(first + Block, d);
            // L[i, j] = (A[i, j] − L[i, :j]·L[j, :j]) / L[j, j], j by j: row j is read once
            // for the block's rows i; within the block, row j is complete by the time it is.
            for (int j = 0; j < end; j++)
            {
                ReadOnlySpan<double> rowJ = lower.Slice(j * d, j);
                if (j >= first)
                {
                    double diagonal = matrix[(j * d) + j] - TensorPrimitives.Dot(rowJ, rowJ);
                    if (!(diagonal > 0) || !double.IsFinite(diagonal))
                    {
                        return false;
                    }

                    lower[(j * d) + j] = Math.Sqrt(diagonal);
                }

                double root = lower[(j * d) + j];
                for (int i = Math.Max(first, j + 1); i < end; i++)
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
        // has nothing). Columns go a block at a time: row i of L is read once for the block.
        for (int first = 0; first < d; first += Block)
        {
            int end = Math.Min(first + Block, d);
            for (int i = first; i < d; i++)
            {
                for (int c = first; c < end && c <= i; c++)
                {
                    double dot = TensorPrimitives.Dot(
                        matrix.Slice((i * d) + c, i - c), matrix.Slice((c * d) + c, i - c));
                    matrix[(c * d) + i] = ((i == c ? 1.0 : 0.0) - dot) / diagonal[i];
                }
            }
        }

        for (int i = 1; i < d; i++)
        {
            matrix.Slice(i * d, i).Clear();
        }
    }
}
