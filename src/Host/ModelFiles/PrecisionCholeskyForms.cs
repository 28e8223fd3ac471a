using GmmGpu.Covariance;
using GmmGpu.Data;
using GmmGpu.Engine;
using GmmGpu.Numerics;

namespace GmmGpu.ModelFiles;

/// <summary>
/// scikit-learn's precisions_cholesky_ read from a model file: turned into covariances when a
/// file gives only them, and checked against the covariances when it gives both. A factor U
/// stands for the precision U Uᵀ (full, tied: D×D blocks) or 1/U² (diag, spherical: values),
/// so any square root of the precision is accepted, triangular or not.
/// </summary>
internal static class PrecisionCholeskyForms
{
    /// <summary>The relative difference up to which both forms describe one model.</summary>
    public const double Tolerance = 1e-6;

    /// <summary>The covariances whose precisions are U Uᵀ (or 1/U²), in the same shape.
    /// </summary>
    public static double[] ToCovariances(
        string path, CovarianceType type, double[] precisionsCholesky, int d)
    {
        var covariances = new double[precisionsCholesky.Length];
        if (CovarianceModels.For(type).Form == PrecisionForm.Diagonal)
        {
            for (int i = 0; i < covariances.Length; i++)
            {
                double u = precisionsCholesky[i];
                covariances[i] = 1 / (u * u);
                if (!double.IsFinite(covariances[i]))
                {
                    throw new DataFormatException(
                        $"{path}: precisions_cholesky_[{i}] = {u:R} gives no finite variance.");
                }
            }

            return covariances;
        }

        int block = d * d;
        var precision = new double[block];
        var lower = new double[block];
        var upper = new double[block];
        for (int c = 0; c < covariances.Length / block; c++)
        {
            // Σ = (U Uᵀ)⁻¹ = C⁻ᵀ C⁻¹ where U Uᵀ = C Cᵀ.
            Product(precisionsCholesky.AsSpan(c * block, block), d, precision);
            if (!Cholesky.TryFactor(precision, d, lower))
            {
                throw new DataFormatException(
                    $"{path}: precisions_cholesky_ of {Name(type, c)} is singular: it gives no "
                    + "covariance.");
            }

            Cholesky.InverseTransposeOfLower(lower, d, upper);
            Product(upper, d, covariances.AsSpan(c * block, block));
        }

        return covariances;
    }

    /// <summary>
    /// Throws unless <paramref name="precisionsCholesky"/> gives the precisions of
    /// <paramref name="parameters"/> (computed from its covariances) to
    /// <see cref="Tolerance"/>, relative to the largest entry of each component's precision.
    /// </summary>
    public static void CheckAgreement(
        string path, MixtureParameters parameters, double[] precisionsCholesky)
    {
        int d = parameters.Dimensions;
        bool diagonal = CovarianceModels.For(parameters.CovarianceType).Form
            == PrecisionForm.Diagonal;
        int block = diagonal ? 1 : d * d;
        // Diagonal: D blocks per component; spherical and full: one; tied: one for all.
        int blocksPerComponent =
            Math.Max(1, precisionsCholesky.Length / block / parameters.Components);
        var given = new double[block];
        var expected = new double[block];
        for (int c = 0; c < precisionsCholesky.Length / block; c++)
        {
            Precision(precisionsCholesky.AsSpan(c * block, block), d, given);
            Precision(parameters.PrecisionsCholeskyArray.AsSpan(c * block, block), d, expected);
            double scale = 0, difference = 0;
            for (int i = 0; i < block; i++)
            {
                scale = Math.Max(scale, Math.Abs(expected[i]));
                difference = Math.Max(difference, Math.Abs(given[i] - expected[i]));
            }

            if (!(difference <= Tolerance * scale))
            {
                int component = c / blocksPerComponent;
                throw new DataFormatException(
                    $"{path}: precisions_cholesky_ and covariances_ disagree for "
                    + $"{Name(parameters.CovarianceType, component)} (relative difference "
                    + $"{difference / scale:G3} > {Tolerance:G}); they must describe the same "
                    + "model: fix one of them or leave one out.");
            }
        }

        void Precision(ReadOnlySpan<double> factor, int dimensions, Span<double> result)
        {
            if (diagonal)
            {
                result[0] = factor[0] * factor[0];
            }
            else
            {
                Product(factor, dimensions, result);
            }
        }
    }

    /// <summary>M Mᵀ of a row-major D×D matrix M.</summary>
    private static void Product(ReadOnlySpan<double> m, int d, Span<double> result)
    {
        for (int i = 0; i < d; i++)
        {
            for (int j = 0; j < d; j++)
            {
                double sum = 0;
                for (int p = 0; p < d; p++)
                {
                    sum += m[(i * d) + p] * m[(j * d) + p];
                }

                result[(i * d) + j] = sum;
            }
        }
    }

    private static string Name(CovarianceType type, int component) =>
        CovarianceModels.For(type).Shared ? "the tied covariance" : $"component {component}";
}
