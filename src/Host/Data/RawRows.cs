namespace GmmGpu.Data;

/// <summary>Reading any row source in float64: as its file holds the values when it can.</summary>
internal static class RawRows
{
    /// <summary>
    /// Rows [start, start + count) of <paramref name="source"/> in float64, shape
    /// (count, Columns): mapped float32 rows widened in place of a copy, a file that holds more
    /// than float32 (<see cref="IRawRows"/>) read without rounding, any other source read as
    /// float32 into <paramref name="scratch"/> (made or grown as needed) and widened.
    /// </summary>
    public static void Read(
        IRowSource source, long start, int count, Span<double> destination, ref float[]? scratch)
    {
        int length = count * source.Columns;
        if (source.TryMapRows(start, count, out ReadOnlyMemory<float> mapped))
        {
            Widen(mapped.Span, destination);
        }
        else if (source is IRawRows raw)
        {
            raw.ReadRaw(start, count, destination);
        }
        else
        {
            if (scratch is null || scratch.Length < length)
            {
                scratch = new float[length];
            }

            source.Read(start, count, scratch);
            Widen(scratch.AsSpan(0, length), destination);
        }
    }

    private static void Widen(ReadOnlySpan<float> values, Span<double> destination)
    {
        for (int i = 0; i < values.Length; i++)
        {
            destination[i] = values[i];
        }
    }
}
