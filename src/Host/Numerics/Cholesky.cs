namespace GmmGpu.Numerics;

/// <summary>Dense Cholesky helpers on row-major D×D float64 matrices (D is small).</summary>
internal static class Cholesky
{
    /// <summary>
    /// Lower factor L with A = L Lᵀ, written into <paramref name="lower"/>. Returns false when A
    /// is not (numerically) positive definite.
    /// </summary>
    public static bool TryFactor(ReadOnlySpan<double> matrix, int d, Span<double> lower)
    {
        lower[..(d * d)].Clear();
        for (int j = 0; j < d; j++)
        {
            double diagonal = matrix[(j * d) + j];
            for (int p = 0; p < j; p++)
            {
                diagonal -= lower[(j * d) + p] * lower[(j * d) + p];
            }

            if (!(diagonal > 0) || !double.IsFinite(diagonal))
            {
                return false;
            }

            double root = Math.Sqrt(diagonal);
            lower[(j * d) + j] = root;
            for (int i = j + 1; i < d; i++)
            {
                double sum = matrix[(i * d) + j];
                for (int p = 0; p < j; p++)
                {
                    sum -= lower[(i * d) + p] * lower[(j * d) + p];
                }

                lower[(i * d) + j] = sum / root;
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

        // Column c of L⁻¹ by forward substitution; it becomes row c of U.
        for (int c = 0; c < d; c++)
        {
            for (int i = c; i < d; i++)
            {
                double sum = i == c ? 1.0 : 0.0;
                for (int p = c; p < i; p++)
                {
                    sum -= matrix[(i * d) + p] * matrix[(c * d) + p];
                }

                matrix[(c * d) + i] = sum / diagonal[i];
            }
        }

        for (int i = 1; i < d; i++)
        {
            matrix.Slice(i * d, i).Clear();
        }
    }
}
