namespace GmmGpu.Kernels;

/// <summary>Layout of a component's precision Cholesky factor as the kernels read it.</summary>
public enum DensityForm
{
    /// <summary>D×D upper-triangular, row-major, per component.</summary>
    Triangular = 0,

    /// <summary>D values (the diagonal) per component.</summary>
    Diagonal = 1,
}

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
