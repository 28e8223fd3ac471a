using GmmGpu.Covariance;

namespace GmmGpu;

/// <summary>
/// The parameters of a Gaussian mixture in float64, in scikit-learn's shapes (flattened,
/// row-major): weights (K), means (K, D), covariances full (K, D, D) | tied (D, D) |
/// diagonal (K, D) | spherical (K), and their precision Cholesky factors in the same shapes.
/// Immutable; construction validates shapes, finiteness, weights and positive definiteness.
/// </summary>
public sealed class MixtureParameters
{
    /// <summary>Creates and validates a mixture; the arrays are copied.</summary>
    /// <param name="covarianceType">The form of <paramref name="covariances"/>.</param>
    /// <param name="components">K ≥ 1.</param>
    /// <param name="dimensions">D ≥ 1.</param>
    /// <param name="weights">Shape (K), each ≥ 0, summing to 1 (to 1e-6; renormalised).</param>
    /// <param name="means">Shape (K, D).</param>
    /// <param name="covariances">Shape per <paramref name="covarianceType"/>, positive definite.</param>
    /// <exception cref="ArgumentException">A shape, value or matrix is invalid.</exception>
    public MixtureParameters(
        CovarianceType covarianceType,
        int components,
        int dimensions,
        ReadOnlySpan<double> weights,
        ReadOnlySpan<double> means,
        ReadOnlySpan<double> covariances)
        : this(covarianceType, components, dimensions, weights.ToArray(), means.ToArray(),
            covariances.ToArray(), regCovar: 0, validate: true, precisionsCholesky: null)
    {
    }

    private MixtureParameters(
        CovarianceType covarianceType,
        int components,
        int dimensions,
        double[] weights,
        double[] means,
        double[] covariances,
        double regCovar,
        bool validate,
        double[]? precisionsCholesky)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(components);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(dimensions);
        ICovarianceModel model = CovarianceModels.For(covarianceType);
        if (validate)
        {
            Validate(model, components, dimensions, weights, means, covariances);
        }

        CovarianceType = covarianceType;
        Components = components;
        Dimensions = dimensions;
        WeightsArray = weights;
        MeansArray = means;
        CovariancesArray = covariances;
        try
        {
            PrecisionsCholeskyArray = precisionsCholesky ?? ComputePrecisionCholesky(
                model, covariances, components, dimensions, regCovar);
        }
        catch (DegenerateComponentException ex) when (validate)
        {
            throw new ArgumentException(
                ex.Component >= 0
                    ? $"Covariance of component {ex.Component} is not positive definite."
                    : "The tied covariance is not positive definite.", nameof(covariances), ex);
        }

        LogDetCholesky = model.ComputeLogDetCholesky(PrecisionsCholeskyArray, components, dimensions);
    }

    /// <summary>The form of the covariances.</summary>
    public CovarianceType CovarianceType { get; }

    /// <summary>Number of components K.</summary>
    public int Components { get; }

    /// <summary>Number of features D.</summary>
    public int Dimensions { get; }

    /// <summary>Mixing weights, shape (K), summing to 1.</summary>
    /// <remarks>scikit-learn: weights_</remarks>
    public IReadOnlyList<double> Weights => Array.AsReadOnly(WeightsArray);

    /// <summary>Component means, shape (K, D), row-major.</summary>
    /// <remarks>scikit-learn: means_</remarks>
    public IReadOnlyList<double> Means => Array.AsReadOnly(MeansArray);

    /// <summary>Covariances in scikit-learn's shape for <see cref="CovarianceType"/>.</summary>
    /// <remarks>scikit-learn: covariances_</remarks>
    public IReadOnlyList<double> Covariances => Array.AsReadOnly(CovariancesArray);

    /// <summary>Precision Cholesky factors, same shape as <see cref="Covariances"/>.</summary>
    /// <remarks>scikit-learn: precisions_cholesky_</remarks>
    public IReadOnlyList<double> PrecisionsCholesky => Array.AsReadOnly(PrecisionsCholeskyArray);

    /// <summary>
    /// The covariance of component <paramref name="component"/> on features
    /// (<paramref name="a"/>, <paramref name="b"/>): the 2×2 covariance of its marginal on
    /// those two features, as (σaa, σab, σbb), whatever the covariance type.
    /// </summary>
    /// <param name="component">In [0, K).</param>
    /// <param name="a">A feature, in [0, D).</param>
    /// <param name="b">A feature, in [0, D); may equal <paramref name="a"/> (then all three
    /// are its variance).</param>
    public (double Xx, double Xy, double Yy) MarginalCovariance(int component, int a, int b)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(component);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(component, Components);
        ArgumentOutOfRangeException.ThrowIfNegative(a);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(a, Dimensions);
        ArgumentOutOfRangeException.ThrowIfNegative(b);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(b, Dimensions);
        var model = Covariance.CovarianceModels.For(CovarianceType);
        int d = Dimensions;
        return (model.CovarianceEntry(CovariancesArray, component, d, a, a),
            model.CovarianceEntry(CovariancesArray, component, d, a, b),
            model.CovarianceEntry(CovariancesArray, component, d, b, b));
    }

    /// <summary>log det of each component's precision Cholesky factor, shape (K).</summary>
    internal double[] LogDetCholesky { get; }

    /// <summary>Free parameters: covariances + means + weights − 1.</summary>
    public int ParameterCount =>
        CovarianceModels.For(CovarianceType).ParameterCount(Components, Dimensions)
        + (Components * Dimensions) + Components - 1;

    internal double[] WeightsArray { get; }

    internal double[] MeansArray { get; }

    internal double[] CovariancesArray { get; }

    internal double[] PrecisionsCholeskyArray { get; }

    /// <summary>
    /// Builds parameters the EM loop estimated (already valid by construction); a covariance
    /// that is not positive definite throws <see cref="DegenerateComponentException"/>.
    /// </summary>
    internal static MixtureParameters FromEstimate(
        CovarianceType covarianceType,
        int components,
        int dimensions,
        double[] weights,
        double[] means,
        double[] covariances,
        double regCovar) =>
        new(covarianceType, components, dimensions, weights, means, covariances, regCovar,
            validate: false, precisionsCholesky: null);

    /// <summary>
    /// Parameters the M-step estimated with their precision Cholesky factors (computed from
    /// <paramref name="covariances"/> by <see cref="ICovarianceModel.ComputePrecisionCholesky"/>).
    /// </summary>
    internal static MixtureParameters FromEstimate(
        CovarianceType covarianceType,
        int components,
        int dimensions,
        double[] weights,
        double[] means,
        double[] covariances,
        double[] precisionsCholesky) =>
        new(covarianceType, components, dimensions, weights, means, covariances, regCovar: 0,
            validate: false, precisionsCholesky);

    /// <summary>The factors of <paramref name="covariances"/> in a new array.</summary>
    private static double[] ComputePrecisionCholesky(
        ICovarianceModel model,
        double[] covariances,
        int components,
        int dimensions,
        double regCovar)
    {
        var precisionsCholesky = new double[covariances.Length];
        model.ComputePrecisionCholesky(
            covariances, components, dimensions, regCovar, precisionsCholesky, first: 0);
        return precisionsCholesky;
    }

    private static void Validate(
        ICovarianceModel model,
        int components,
        int dimensions,
        double[] weights,
        double[] means,
        double[] covariances)
    {
        CheckShape("weights", weights.Length, components, $"({components})");
        CheckShape("means", means.Length, components * dimensions, $"({components}, {dimensions})");
        CheckShape("covariances", covariances.Length, model.CovarianceLength(components, dimensions),
            ModelFiles.ModelJson.ShapeText(model.Shape(components, dimensions)));
        CheckFinite("weights", weights);
        CheckFinite("means", means);
        CheckFinite("covariances", covariances);
        double sum = 0;
        for (int k = 0; k < weights.Length; k++)
        {
            if (weights[k] < 0)
            {
                throw new ArgumentException($"weights[{k}] = {weights[k]} is negative.", nameof(weights));
            }

            sum += weights[k];
        }

        if (Math.Abs(sum - 1) > 1e-6)
        {
            throw new ArgumentException($"weights sum to {sum:R}, not 1.", nameof(weights));
        }

        for (int k = 0; k < weights.Length; k++)
        {
            weights[k] /= sum;
        }

        if (model.Form == Engine.PrecisionForm.Triangular)
        {
            CheckSymmetric(covariances, dimensions, model.Shared);
        }
    }

    private static void CheckShape(string name, int actual, int expected, string shape)
    {
        if (actual != expected)
        {
            throw new ArgumentException(
                $"{name} has {actual} values; expected shape {shape} = {expected} values.", name);
        }
    }

    private static void CheckFinite(string name, double[] values)
    {
        int bad = Array.FindIndex(values, v => !double.IsFinite(v));
        if (bad >= 0)
        {
            throw new ArgumentException($"{name}[{bad}] = {values[bad]} is not finite.", name);
        }
    }

    /// <summary>Names the covariance matrix at <paramref name="offset"/>.</summary>
    private static string Owner(bool tied, int d, int offset) => tied
        ? "The tied covariance"
        : $"Covariance of component {offset / (d * d)}";

    private static void CheckSymmetric(double[] covariances, int d, bool tied)
    {
        for (int offset = 0; offset < covariances.Length; offset += d * d)
        {
            for (int i = 0; i < d; i++)
            {
                for (int j = i + 1; j < d; j++)
                {
                    double a = covariances[offset + (i * d) + j], b = covariances[offset + (j * d) + i];
                    if (Math.Abs(a - b) > 1e-8 * Math.Max(1, Math.Max(Math.Abs(a), Math.Abs(b))))
                    {
                        throw new ArgumentException(
                            $"{Owner(tied, d, offset)} is not symmetric: "
                            + $"[{i},{j}] = {a:R} but [{j},{i}] = {b:R}.",
                            "covariances");
                    }
                }
            }
        }
    }
}
