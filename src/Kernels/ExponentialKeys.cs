using ILGPU.Algorithms;

namespace GmmGpu.Kernels;

/// <summary>
/// One-pass weighted sampling with exponential keys: with u_i uniform on (0, 1), the point with
/// the smallest key_i = −ln(u_i) / w_i is drawn with probability w_i / Σ_j w_j. u_i is a
/// counter-based hash of (seed, i), so no per-point state is kept and any split of the points
/// into parts, each keeping its best (key, row), draws the same row. Shared by
/// <see cref="SampleByMinSquaredDistanceKernel"/> and the CPU backend, so both draw the same
/// row for the same weights.
/// </summary>
public static class ExponentialKeys
{
    /// <summary>The SplitMix64 increment (2⁶⁴ / φ), also the stride between rows' states.</summary>
    public const ulong Gamma = 0x9E3779B97F4A7C15UL;

    /// <summary>2⁻⁵³.</summary>
    private const double UnitScale = 1.0 / 9007199254740992.0;

    /// <summary>
    /// SplitMix64: z = state + γ; z = (z ⊕ (z ≫ 30)) · 0xBF58476D1CE4E5B9;
    /// z = (z ⊕ (z ≫ 27)) · 0x94D049BB133111EB; z ⊕ (z ≫ 31).
    /// </summary>
    public static ulong SplitMix64(ulong state)
    {
        ulong z = unchecked(state + Gamma);
        z = unchecked((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL);
        z = unchecked((z ^ (z >> 27)) * 0x94D049BB133111EBUL);
        return z ^ (z >> 31);
    }

    /// <summary>u_i = ((SplitMix64(seed + i·γ) ≫ 11) + 0.5) · 2⁻⁵³, in (0, 1).</summary>
    public static double Uniform(ulong seed, long row)
    {
        ulong bits = SplitMix64(unchecked(seed + ((ulong)row * Gamma))) >> 11;
        return ((double)bits + 0.5) * UnitScale;
    }

    /// <summary>
    /// key_i = −ln(u_i) / w_i in float64 (w_i widened from float32); +∞ (never drawn) when
    /// w_i ≤ 0 or NaN.
    /// </summary>
    public static double Key(ulong seed, long row, float weight)
    {
        if (!(weight > 0f))
        {
            return double.PositiveInfinity;
        }

        return -XMath.Log(Uniform(seed, row)) / weight;
    }

    /// <summary>
    /// Whether the candidate (key, row) beats the best so far: a finite key that is smaller,
    /// or equal with a lower row. A best row of −1 means none yet.
    /// </summary>
    public static bool Precedes(double key, long row, double bestKey, long bestRow) =>
        key < double.PositiveInfinity
        && (bestRow < 0 || key < bestKey || (key == bestKey && row < bestRow));
}
