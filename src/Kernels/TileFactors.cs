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
    public float At(ArrayView<float> shared, int point) => 1f;
}

/// <summary>The factor x_i − shift: one feature of the point about a component's shift.</summary>
public readonly struct DifferenceFactor : ITileFactor
{
    public DifferenceFactor(int feature, float shift)
    {
        Feature = feature;
        Shift = shift;
    }

    public int Feature { get; }

    public float Shift { get; }

    public float At(ArrayView<float> shared, int point) => shared[point + Feature] - Shift;
}
