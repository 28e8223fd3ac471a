namespace GmmGpu.Kernels;

/// <summary>Layout of a component's precision Cholesky factor as the kernels read it.</summary>
public enum DensityForm
{
    /// <summary>D×D upper-triangular, row-major, per component.</summary>
    Triangular = 0,

    /// <summary>D values (the diagonal) per component.</summary>
    Diagonal = 1,
}
