using GmmGpu.Data;
using Xunit;

namespace GmmGpu.Tests.Data;

public class ParquetRowSourceTests
{
    [Fact]
    public async Task Read_SeveralRowGroups_MatchesTheFileAndDataReader()
    {
        using var files = new TestFiles();
        string path = files.PathOf("a.parquet");
        (float[] expected, _) = await WriteAsync(path, 40, 25, 35);

        using IRowSource source = RowSources.Open(path);

        Assert.Equal(["x", "y", "n"], source.ColumnNames);
        Assert.Equal(expected, DataReader.Read(path).Values.ToArray());
        RowSourceChecks.AssertReads(source, expected);
    }

    [Fact]
    public async Task Read_SelectedColumns_KeepsThoseInOrder()
    {
        using var files = new TestFiles();
        string path = files.PathOf("a.parquet");
        (float[] all, _) = await WriteAsync(path, 30, 30);
        float[] expected = Enumerable.Range(0, 60)
            .SelectMany(r => new[] { all[(r * 3) + 2], all[r * 3] }).ToArray();

        using IRowSource source = RowSources.Open(path, ["n", "x"]);

        Assert.Equal(["n", "x"], source.ColumnNames);
        RowSourceChecks.AssertReads(source, expected);
    }

    [Theory]
    [InlineData(double.NaN, "a.parquet row 48, column \"z\": value NaN is not finite")]
    [InlineData(null, "a.parquet row 48, column \"z\": the value is missing (null)")]
    public async Task Read_BadValue_IsFoundWhenReadAndNamedAsDataReaderNamesIt(
        double? bad, string expected)
    {
        using var files = new TestFiles();
        string path = files.PathOf("a.parquet");
        double?[] z = Enumerable.Range(0, 60).Select(i => (double?)i).ToArray();
        z[47] = bad;
        await ParquetTestFile.WriteAsync(path, [("z", z)], 40, 20);
        using IRowSource source = RowSources.Open(path);
        var buffer = new float[60];

        source.Read(0, 47, buffer);
        var error = Assert.Throws<DataFormatException>(() => source.Read(45, 5, buffer));
        source.Read(48, 12, buffer);
        var whole = Assert.Throws<DataFormatException>(() => DataReader.Read(path));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.Equal(whole.Message, error.Message);
    }

    /// <summary>
    /// Writes columns x (double), y (float), n (int) and a text column in row groups of
    /// <paramref name="groupSizes"/>; returns the numeric columns row-major and the row count.
    /// </summary>
    internal static async Task<(float[] Values, int Rows)> WriteAsync(
        string path, params int[] groupSizes)
    {
        int rows = groupSizes.Sum();
        float[] values = RowSourceChecks.Values(rows, 3);
        double[] x = Enumerable.Range(0, rows).Select(r => (double)values[r * 3]).ToArray();
        float[] y = Enumerable.Range(0, rows).Select(r => values[(r * 3) + 1]).ToArray();
        int[] n = Enumerable.Range(0, rows).Select(r => r - 20).ToArray();
        for (int r = 0; r < rows; r++)
        {
            values[(r * 3) + 2] = n[r];
        }

        string[] label = Enumerable.Range(0, rows).Select(r => $"p{r}").ToArray();
        await ParquetTestFile.WriteAsync(
            path, [("x", x), ("y", y), ("label", label), ("n", n)], groupSizes);
        return (values, rows);
    }
}
