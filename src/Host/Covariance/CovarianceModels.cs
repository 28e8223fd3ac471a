namespace GmmGpu.Covariance;

/// <summary>The one place that switches on <see cref="CovarianceType"/>.</summary>
internal static class CovarianceModels
{
    private static readonly ICovarianceModel FullModel = new FullCovariance();
    private static readonly ICovarianceModel TiedModel = new TiedCovariance();
    private static readonly ICovarianceModel DiagonalModel = new DiagonalCovariance();
    private static readonly ICovarianceModel SphericalModel = new SphericalCovariance();

    /// <summary>The four models, in the order of <see cref="CovarianceType"/>.</summary>
    public static IReadOnlyList<ICovarianceModel> All { get; } =
        [FullModel, TiedModel, DiagonalModel, SphericalModel];

    /// <summary>The model of <paramref name="type"/>.</summary>
    public static ICovarianceModel For(CovarianceType type) => type switch
    {
        CovarianceType.Full => FullModel,
        CovarianceType.Tied => TiedModel,
        CovarianceType.Diagonal => DiagonalModel,
        CovarianceType.Spherical => SphericalModel,
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Unknown covariance type."),
    };

    /// <summary>scikit-learn's name of <paramref name="type"/>: full, tied, diag or spherical.
    /// </summary>
    public static string NameOf(CovarianceType type) => For(type).Name;

    /// <summary>Parses full, tied, diag or spherical (case-insensitive); null if unknown.</summary>
    public static CovarianceType? Parse(string name) =>
        All.FirstOrDefault(m => string.Equals(m.Name, name, StringComparison.OrdinalIgnoreCase))
            ?.Type;
}
