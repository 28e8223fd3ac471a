using ILGPU;

namespace GmmGpu.Kernels;

/// <summary>
/// One per-point factor of a tile sum (see <see cref="TileMoments"/>); a struct type parameter,
/// so each combination of factors compiles to its own branch-free loop.
/// </summary>
public interface ITileFactor
{
    /// <summary>The factor for the point whose features start at shared[point].</summary>
    float At(ArrayView<float> shared, int point);
}

/// <summary>The factor 1.</summary>
public readonly struct UnitFactor : ITileFactor
{
    /// <summary>Always 1.</summary>
    public float At(ArrayView<float> shared, int point) => 1f;
}

/// <summary>The factor x_i − shift: one feature of the point about a component's shift.</summary>
public readonly struct DifferenceFactor : ITileFactor
{
    /// <summary>The factor x[feature] − shift.</summary>
    public DifferenceFactor(int feature, float shift)
    {
        Feature = feature;
        Shift = shift;
    }

    /// <summary>The feature, in [0, D).</summary>
    public int Feature { get; }

    /// <summary>Subtracted from the feature (the component's shift), in the data's units.</summary>
    public float Shift { get; }

    /// <summary>x[Feature] − Shift for the point at shared[point].</summary>
    public float At(ArrayView<float> shared, int point) => shared[point + Feature] - Shift;
}
