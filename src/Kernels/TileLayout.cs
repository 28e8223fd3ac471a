namespace GmmGpu.Kernels;

/// <summary>
/// How a group lays out one tile of points in dynamic shared memory (floats) and which
/// per-component moments it reduces. For P = <see cref="TilePoints"/>: weights (K, P)
/// component-major with row stride P + 1 at 0, points (P, <see cref="PointStride"/>) after them
/// and one scalar per point at the end. Entries of a reduction row: K weight sums, K·D first
/// moments, K·M second
/// moments, then the scalar sum. Each group writes <see cref="Lanes"/> rows of
/// <see cref="Entries"/> doubles: lane l sums the tile's points l, l + L, l + 2L, ...
/// </summary>
public readonly struct TileLayout
{
    /// <summary>A layout (members say each).</summary>
    public TileLayout(
        int tilePoints, int components, int dimensions, MomentForm moments, int lanes)
    {
        TilePoints = tilePoints;
        Components = components;
        Dimensions = dimensions;
        Moments = moments;
        Lanes = lanes;
    }

    /// <summary>Points per tile, P ≥ 1.</summary>
    public int TilePoints { get; }

    /// <summary>Weights per point, K ≥ 0.</summary>
    public int Components { get; }

    /// <summary>Features per point, D ≥ 1.</summary>
    public int Dimensions { get; }

    /// <summary>Which second moments are accumulated.</summary>
    public MomentForm Moments { get; }

    /// <summary>Rows per group; the points of a tile are dealt round-robin to the lanes.</summary>
    public int Lanes { get; }

    /// <summary>Second moments per component, M.</summary>
    public int SecondMoments => MomentLength(Moments, Dimensions);

    /// <summary>K·(1 + D + M) + 1 sums per row.</summary>
    public int Entries => (Components * (1 + Dimensions + SecondMoments)) + 1;

    /// <summary>
    /// Floats between consecutive points in shared memory: D, or D + 1 when D is even, so
    /// that threads reading the same feature of consecutive points hit different banks.
    /// </summary>
    public int PointStride => Dimensions | 1;

    /// <summary>
    /// Floats between the weights of consecutive components: P + 1, so that threads reading
    /// one point's weights of several components hit different banks.
    /// </summary>
    public int WeightStride => TilePoints + 1;

    /// <summary>Offset of the points block (P, stride) in shared memory.</summary>
    public int PointsOffset => WeightStride * Components;

    /// <summary>Offset of the per-point scalars (P) in shared memory.</summary>
    public int ScalarsOffset => PointsOffset + (TilePoints * PointStride);

    /// <summary>Floats of dynamic shared memory one group needs: P·(K + stride + 1) + K.</summary>
    public int SharedFloats => ScalarsOffset + TilePoints;

    /// <summary>M for a moment form in D dimensions.</summary>
    public static int MomentLength(MomentForm moments, int dimensions) => moments switch
    {
        MomentForm.Triangular => dimensions * (dimensions + 1) / 2,
        MomentForm.Diagonal => dimensions,
        _ => 0,
    };
}
