namespace GmmGpu.Engine;

/// <summary>
/// How the per-point kernels see a component's precision Cholesky factor, and which second
/// moments they accumulate. Full and tied covariances are <see cref="Triangular"/>; diagonal
/// and spherical are <see cref="Diagonal"/>.
/// </summary>
public enum PrecisionForm
{
    /// <summary>
    /// Precision Cholesky factor per component: a D×D upper-triangular matrix, row-major
    /// (entries below the diagonal are zero). Second moments: the packed upper triangle,
    /// D(D+1)/2 values per component, ordered (0,0),(0,1)..(0,D-1),(1,1)..(D-1,D-1).
    /// </summary>
    Triangular,

    /// <summary>
    /// Precision Cholesky factor per component: D values (the diagonal). Second moments:
    /// D values per component (the diagonal of the scatter matrix).
    /// </summary>
    Diagonal,
}

/// <summary>Sizes that follow from a precision form.</summary>
public static class PrecisionFormExtensions
{
    /// <summary>Floats per component in <see cref="KernelModel.PrecisionCholesky"/>.</summary>
    public static int PrecisionLength(this PrecisionForm form, int dimensions) =>
        form == PrecisionForm.Triangular ? dimensions * dimensions : dimensions;

    /// <summary>Second-moment values per component in <see cref="SufficientStatistics"/>.</summary>
    public static int SecondMomentLength(this PrecisionForm form, int dimensions) =>
        form == PrecisionForm.Triangular ? dimensions * (dimensions + 1) / 2 : dimensions;
}
