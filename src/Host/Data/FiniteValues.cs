using System.Numerics;
using System.Runtime.InteropServices;

namespace GmmGpu.Data;

/// <summary>Finds the first value that is NaN or infinite, a vector at a time.</summary>
internal static class FiniteValues
{
    /// <summary>The index of the first NaN or ±∞ in <paramref name="values"/>, or -1.</summary>
    public static int IndexOfNonFinite<T>(ReadOnlySpan<T> values)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int start = 0;
        if (Vector.IsHardwareAccelerated)
        {
            ReadOnlySpan<Vector<T>> blocks = MemoryMarshal.Cast<T, Vector<T>>(values);
            int block = 0;

            // x - x is 0 for a finite x and NaN for NaN and ±∞, and NaN equals nothing.
            while (block < blocks.Length
                && Vector.EqualsAll(blocks[block] - blocks[block], Vector<T>.Zero))
            {
                block++;
            }

            start = block * Vector<T>.Count;
        }

        for (int i = start; i < values.Length; i++)
        {
            if (!T.IsFinite(values[i]))
            {
                return i;
            }
        }

        return -1;
    }
}
