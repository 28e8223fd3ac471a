using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace GmmGpu.Backends.Cpu;

/// <summary>Transposes eight row-major points into D vectors (structure of arrays).</summary>
internal static class BlockLoader
{
    /// <summary>x[i] lane l = rows[l·D + i], the points in order.</summary>
    public static void LoadInOrder(ReadOnlySpan<float> rows, int d, Span<Vector256<float>> x)
    {
        for (int i = 0; i < d; i++)
        {
            x[i] = Vector256.Create(
                rows[i],
                rows[d + i],
                rows[(2 * d) + i],
                rows[(3 * d) + i],
                rows[(4 * d) + i],
                rows[(5 * d) + i],
                rows[(6 * d) + i],
                rows[(7 * d) + i]);
        }
    }

    /// <summary>
    /// The same eight points, in a lane order that may differ from the row order (which sums
    /// over points do not mind): fast paths for D = 1 and 2.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Load(ReadOnlySpan<float> rows, int d, Span<Vector256<float>> x)
    {
        if (d == 1)
        {
            x[0] = Vector256.Create(rows);
        }
        else if (d == 2 && Avx.IsSupported)
        {
            // Lanes (0, 1, 4, 5, 2, 3, 6, 7): an in-lane shuffle of two loads.
            Vector256<float> low = Vector256.Create(rows);
            Vector256<float> high = Vector256.Create(rows[8..]);
            x[0] = Avx.Shuffle(low, high, 0b10_00_10_00);
            x[1] = Avx.Shuffle(low, high, 0b11_01_11_01);
        }
        else
        {
            LoadInOrder(rows, d, x);
        }
    }
}
