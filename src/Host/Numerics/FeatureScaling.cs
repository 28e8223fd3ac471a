using GmmGpu.Covariance;

namespace GmmGpu.Numerics;

/// <summary>
/// The map between the user's units and the float32 units the passes compute in:
/// u_j = (x_j − Shift[j]) / Scale, applied in float64 before a value becomes float32, so that
/// data far from the origin (timestamps, data at 1e8) keeps its digits and data at large or
/// tiny scales (1e20, whose squares overflow float32) stays in float32's range. Scale is a
/// power of two, common to every feature (so spherical and tied covariances and reg_covar·I
/// keep their form, and scaling is exact). Models stay in the user's units: parameters go in
/// and out through <see cref="ToInternal(MixtureParameters)"/> and
/// <see cref="ToUser(MixtureParameters)"/>, and log p(x) = log p(u) − <see cref="LogJacobian"/>.
/// The map is the identity whenever float32 serves as it is (the usual case, so mapped float32
/// files are still computed on where they lie).
/// </summary>
internal sealed class FeatureScaling
{
    /// <summary>
    /// A feature is shifted when the middle of its range lies more than this many half-ranges
    /// from 0: float32 would spend more than 4 of its 24 bits on the offset.
    /// </summary>
    private const double ShiftRatio = 16;

    /// <summary>
    /// The data is scaled when its largest magnitude (after the shift) is above 2^40 or below
    /// 2^−40: far inside float32's range either way, squares and sums of 256 squares included.
    /// </summary>
    private const int ScaleExponentLimit = 40;

    private FeatureScaling(double[] shift, double scale)
    {
        Shift = shift;
        Scale = scale;
        IsIdentity = scale == 1 && Array.TrueForAll(shift, s => s == 0);
    }

    /// <summary>The value subtracted from each feature, shape (D).</summary>
    public double[] Shift { get; }

    /// <summary>The common divisor of every feature after the shift: a power of two.</summary>
    public double Scale { get; }

    /// <summary>Whether u = x.</summary>
    public bool IsIdentity { get; }

    /// <summary>Features D.</summary>
    public int Dimensions => Shift.Length;

    /// <summary>D·ln Scale: log p(x) in the user's units is log p(u) minus this.</summary>
    public double LogJacobian => Dimensions * Math.Log(Scale);

    /// <summary>The identity map for <paramref name="dimensions"/> features.</summary>
    public static FeatureScaling Identity(int dimensions) => new(new double[dimensions], 1);

    /// <summary>A shift of each feature by <paramref name="shift"/>, shape (D), unscaled.</summary>
    public static FeatureScaling Shifted(double[] shift) => new(shift, 1);

    /// <summary>
    /// The map for data whose feature j lies in [<paramref name="minimum"/>[j],
    /// <paramref name="maximum"/>[j]] (finite, float64): a feature far from the origin for its
    /// range is shifted by its midrange; all are scaled by a power of two when the largest
    /// magnitude left is out of [2^−40, 2^40].
    /// </summary>
    public static FeatureScaling FromBounds(
        ReadOnlySpan<double> minimum, ReadOnlySpan<double> maximum)
    {
        int d = minimum.Length;
        var shift = new double[d];
        double magnitude = 0;
        for (int j = 0; j < d; j++)
        {
            // Halves first: the sum of two values near double's maximum would overflow.
            double middle = (minimum[j] / 2) + (maximum[j] / 2);
            double half = (maximum[j] / 2) - (minimum[j] / 2);
            if (Math.Abs(middle) > ShiftRatio * half)
            {
                shift[j] = middle;
                magnitude = Math.Max(magnitude, half);
            }
            else
            {
                magnitude = Math.Max(
                    magnitude, Math.Max(Math.Abs(minimum[j]), Math.Abs(maximum[j])));
            }
        }

        double scale = 1;
        if (magnitude > 0 && Math.Abs(Math.ILogB(magnitude)) > ScaleExponentLimit)
        {
            scale = Math.ScaleB(1.0, Math.ILogB(magnitude));
        }

        return new FeatureScaling(shift, scale);
    }

    /// <summary>
    /// The map for computing with <paramref name="parameters"/> on data near them: the bounds
    /// of the component means widened by the largest standard deviation of each feature.
    /// </summary>
    public static FeatureScaling ForModel(MixtureParameters parameters)
    {
        int k = parameters.Components, d = parameters.Dimensions;
        var minimum = new double[d];
        var maximum = new double[d];
        Array.Fill(minimum, double.PositiveInfinity);
        Array.Fill(maximum, double.NegativeInfinity);
        var deviation = new double[d];
        var matrix = new double[d * d];
        ICovarianceModel covariance = CovarianceModels.For(parameters.CovarianceType);
        for (int c = 0; c < k; c++)
        {
            covariance.ToFull(parameters.CovariancesArray, c, d, matrix);
            for (int j = 0; j < d; j++)
            {
                double mean = parameters.MeansArray[(c * d) + j];
                minimum[j] = Math.Min(minimum[j], mean);
                maximum[j] = Math.Max(maximum[j], mean);
                deviation[j] = Math.Max(deviation[j], Math.Sqrt(matrix[(j * d) + j]));
            }
        }

        for (int j = 0; j < d; j++)
        {
            minimum[j] -= deviation[j];
            maximum[j] += deviation[j];
        }

        return FromBounds(minimum, maximum);
    }

    /// <summary>reg_covar in the internal units: the user's value over Scale².</summary>
    public double RegCovarToInternal(double regCovar) => regCovar / Scale / Scale;

    /// <summary>Row-major float64 rows, shape (n, D), into internal float32 units.</summary>
    public void ToInternal(ReadOnlySpan<double> rows, Span<float> destination)
    {
        int d = Dimensions;
        for (int i = 0; i < rows.Length; i++)
        {
            destination[i] = (float)((rows[i] - Shift[i % d]) / Scale);
        }
    }

    /// <summary>Row-major float32 rows, shape (n, D), into internal float32 units.</summary>
    public void ToInternal(ReadOnlySpan<float> rows, Span<float> destination)
    {
        int d = Dimensions;
        for (int i = 0; i < rows.Length; i++)
        {
            destination[i] = (float)((rows[i] - Shift[i % d]) / Scale);
        }
    }

    /// <summary>Parameters in the user's units moved into the internal units.</summary>
    public MixtureParameters ToInternal(MixtureParameters parameters) =>
        IsIdentity ? parameters : Map(parameters, toUser: false);

    /// <summary>Parameters in the internal units moved back into the user's.</summary>
    public MixtureParameters ToUser(MixtureParameters parameters) =>
        IsIdentity ? parameters : Map(parameters, toUser: true);

    private MixtureParameters Map(MixtureParameters parameters, bool toUser)
    {
        int d = parameters.Dimensions;
        double[] means = [.. parameters.MeansArray];
        for (int i = 0; i < means.Length; i++)
        {
            means[i] = toUser
                ? Shift[i % d] + (means[i] * Scale)
                : (means[i] - Shift[i % d]) / Scale;
        }

        // Scale is a power of two: the covariances (and their factors) scale exactly.
        double factor = toUser ? Scale * Scale : 1 / Scale / Scale;
        double[] covariances = [.. parameters.CovariancesArray];
        for (int i = 0; i < covariances.Length; i++)
        {
            covariances[i] *= factor;
        }

        return MixtureParameters.FromEstimate(
            parameters.CovarianceType, parameters.Components, d,
            [.. parameters.WeightsArray], means, covariances, regCovar: 0);
    }
}
