namespace GmmGpu.Kernels;

/// <summary>Which second moments a tile reduction accumulates per component.</summary>
public enum MomentForm
{
    /// <summary>No second moments (k-means sums).</summary>
    None = 0,

    /// <summary>The diagonal: D values per component.</summary>
    Diagonal = 1,

    /// <summary>The packed upper triangle: D(D+1)/2 values per component.</summary>
    Triangular = 2,
}
