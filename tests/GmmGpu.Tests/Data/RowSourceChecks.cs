using GmmGpu.Data;
using Xunit;

namespace GmmGpu.Tests.Data;

/// <summary>Checks that a row source reads what is expected, whatever the ranges.</summary>
internal static class RowSourceChecks
{
    /// <summary>
    /// Asserts that <paramref name="source"/> holds <paramref name="expected"/> (row-major) when
    /// read whole, in ranges of 7 rows in order, and in random ranges in random order.
    /// </summary>
    public static void AssertReads(IRowSource source, float[] expected)
    {
        int width = source.Columns;
        Assert.Equal(expected.Length, source.Rows * width);
        Assert.Equal(expected, ReadAll(source, (int)Math.Max(source.Rows, 1)));
        Assert.Equal(expected, ReadAll(source, 7));

        var random = new Random(3);
        var buffer = new float[64 * width];
        for (int trial = 0; trial < 40; trial++)
        {
            long start = random.NextInt64(source.Rows + 1);
            int count = random.Next((int)Math.Min(source.Rows - start, 64) + 1);
            source.Read(start, count, buffer);
            Assert.Equal(
                expected.AsSpan((int)start * width, count * width).ToArray(),
                buffer.AsSpan(0, count * width).ToArray());
        }
    }

    /// <summary>Reads every row in order, <paramref name="chunk"/> rows a read.</summary>
    public static float[] ReadAll(IRowSource source, int chunk)
    {
        var values = new float[source.Rows * source.Columns];
        for (long start = 0; start < source.Rows; start += chunk)
        {
            int count = (int)Math.Min(chunk, source.Rows - start);
            source.Read(start, count, values.AsSpan((int)start * source.Columns));
        }

        return values;
    }

    /// <summary>Row-major values with a fraction part and both signs, exact in text.</summary>
    public static float[] Values(int rows, int columns, int seed = 1)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, rows * columns)
            .Select(_ => (float)Math.Round((random.NextDouble() - 0.3) * 200, 3)).ToArray();
    }
}
