namespace GmmGpu.Covariance;

/// <summary>The one place that switches on <see cref="CovarianceType"/>.</summary>
internal static class CovarianceModels
{
    private static readonly ICovarianceModel FullModel = new FullCovariance();
    private static readonly ICovarianceModel TiedModel = new TiedCovariance();
    private static readonly ICovarianceModel DiagonalModel = new DiagonalCovariance();
    private static readonly ICovarianceModel SphericalModel = new SphericalCovariance();

    public static ICovarianceModel For(CovarianceType type) => type switch
    {
        CovarianceType.Full => FullModel,
        CovarianceType.Tied => TiedModel,
        CovarianceType.Diagonal => DiagonalModel,
        CovarianceType.Spherical => SphericalModel,
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Unknown covariance type."),
    };
}
