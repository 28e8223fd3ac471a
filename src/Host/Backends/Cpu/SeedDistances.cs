using System.Runtime.InteropServices;

namespace GmmGpu.Backends.Cpu;

/// <summary>
/// D(x)² = min_j |x − c_j|² of every row of a dataset for the k-means++ seeds drawn so far,
/// kept between the draws so that each draw computes one distance per row (to the newest seed)
/// instead of one per row and seed: O(K·N·D) for the whole seeding rather than O(K²·N·D). The
/// minimum of the same float32 distances, so the draws are those of the stateless pass. N floats
/// (a 1/D share of the data), dropped when the next Lloyd step or EM pass starts.
/// </summary>
internal sealed class SeedDistances(long rows)
{
    private float[] _seeds = [];

    /// <summary>D(x)² per row, shape (N); +∞ before the first seed.</summary>
    public float[] Distances { get; } = CreateInfinite(rows);

    /// <summary>The seeds folded into <see cref="Distances"/>, shape (count, D).</summary>
    public ReadOnlySpan<float> Seeds => _seeds;

    /// <summary>
    /// How many of <paramref name="centres"/> (the first <paramref name="count"/> of D values
    /// each) are folded in already: all of this state's seeds when they are the leading
    /// centres bit for bit, else −1 (the state belongs to another seeding).
    /// </summary>
    public int FoldedPrefix(ReadOnlySpan<float> centres, int count, int dimensions)
    {
        int folded = _seeds.Length / dimensions;
        if (folded > count)
        {
            return -1;
        }

        ReadOnlySpan<byte> mine = MemoryMarshal.AsBytes(Seeds);
        ReadOnlySpan<byte> theirs = MemoryMarshal.AsBytes(centres[..(folded * dimensions)]);
        return mine.SequenceEqual(theirs) ? folded : -1;
    }

    /// <summary>Records that <paramref name="seeds"/> (shape (count, D)) are folded in.</summary>
    public void Folded(ReadOnlySpan<float> seeds) => _seeds = seeds.ToArray();

    private static float[] CreateInfinite(long rows)
    {
        var distances = new float[rows];
        Array.Fill(distances, float.PositiveInfinity);
        return distances;
    }
}
