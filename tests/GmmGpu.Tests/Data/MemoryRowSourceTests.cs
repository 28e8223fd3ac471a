using GmmGpu.Data;
using Xunit;

namespace GmmGpu.Tests.Data;

public class MemoryRowSourceTests
{
    [Fact]
    public void Read_AnyRanges_ReturnsTheRows()
    {
        float[] values = RowSourceChecks.Values(50, 3);
        using var source = new MemoryRowSource(values, 3, ["a", "b", "c"]);

        Assert.Equal("memory", source.Name);
        Assert.Equal(50, source.Rows);
        Assert.Equal(0, source.FirstRow);
        Assert.Equal(["a", "b", "c"], source.ColumnNames);
        RowSourceChecks.AssertReads(source, values);
    }

    [Fact]
    public void Read_NaN_NamesRowAndColumnOnlyWhenReadingIt()
    {
        float[] values = RowSourceChecks.Values(10, 2);
        values[13] = float.NaN;
        using var source = new MemoryRowSource(values, 2);
        var buffer = new float[20];

        source.Read(0, 6, buffer);
        var error = Assert.Throws<DataFormatException>(() => source.Read(4, 4, buffer));

        Assert.Equal(["0", "1"], source.ColumnNames);
        Assert.Contains(
            "memory row 6, column 1: value NaN", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Construct_PartialRow_SaysWhy()
    {
        var error = Assert.Throws<ArgumentException>(() => new MemoryRowSource(new float[7], 2));

        Assert.Contains(
            "7 values are not N ≥ 1 rows of 2 columns", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_PastTheEnd_SaysHowManyRowsThereAre()
    {
        using var source = new MemoryRowSource(new float[8], 2);

        var error = Assert.Throws<ArgumentOutOfRangeException>(
            () => source.Read(3, 2, new float[4]));

        Assert.Contains(
            "rows [3, 5) run past the 4 rows of memory", error.Message, StringComparison.Ordinal);
    }
}
