using GmmGpu.Data;
using Xunit;

namespace GmmGpu.Tests.Data;

public class NpyRowSourceTests
{
    [Fact]
    public void Read_Float32_MatchesTheFileAndDataReader()
    {
        using var files = new TestFiles();
        float[] values = RowSourceChecks.Values(300, 3);
        string path = files.WriteNpy("a.npy", values, 300, 3);

        using IRowSource source = RowSources.Open(path);

        Assert.Equal(path, source.Name);
        Assert.Equal(["0", "1", "2"], source.ColumnNames);
        Assert.Equal(DataReader.Read(path).Values.ToArray(), values);
        RowSourceChecks.AssertReads(source, values);
    }

    [Fact]
    public void TryMap_Float32WithEveryColumn_GivesTheRowsInPlace()
    {
        using var files = new TestFiles();
        float[] values = RowSourceChecks.Values(300, 3);
        string path = files.WriteNpy("a.npy", values, 300, 3);
        using IRowSource source = RowSources.Open(path);

        Assert.True(((IMappedRows)source).TryMap(100, 50, out ReadOnlyMemory<float> rows));

        Assert.Equal(values.AsSpan(300, 150).ToArray(), rows.ToArray());
    }

    [Fact]
    public void TryMap_Float64OrSomeColumns_SaysNo()
    {
        using var files = new TestFiles();
        float[] values = RowSourceChecks.Values(30, 3);
        using IRowSource someColumns = RowSources.Open(files.WriteNpy("a.npy", values, 30, 3), ["1"]);
        using IRowSource doubles = RowSources.Open(
            files.WriteNpy("b.npy", values.Select(v => (double)v).ToArray(), 30, 3));

        Assert.False(((IMappedRows)someColumns).TryMap(0, 30, out _));
        Assert.False(((IMappedRows)doubles).TryMap(0, 30, out _));
    }

    [Fact]
    public void TryMap_ABadValue_IsReportedAsReadReportsIt()
    {
        using var files = new TestFiles();
        float[] values = RowSourceChecks.Values(300, 3);
        values[(250 * 3) + 1] = float.NaN;
        string path = files.WriteNpy("a.npy", values, 300, 3);
        using IRowSource source = RowSources.Open(path);
        string read = Assert.Throws<DataFormatException>(() => source.Read(200, 100, new float[300])).Message;

        Assert.True(((IMappedRows)source).TryMap(0, 200, out _));
        string mapped = Assert.Throws<DataFormatException>(
            () => ((IMappedRows)source).TryMap(200, 100, out _)).Message;

        Assert.Equal(read, mapped);
    }

    [Fact]
    public void Read_Float64_ConvertsEachRead()
    {
        using var files = new TestFiles();
        double[] values = Enumerable.Range(0, 400).Select(i => (i * 0.37) - 50).ToArray();
        string path = files.WriteNpy("a.npy", values, 100, 4);

        using IRowSource source = RowSources.Open(path);

        RowSourceChecks.AssertReads(source, values.Select(v => (float)v).ToArray());
    }

    [Theory]
    [InlineData("<f4")]
    [InlineData("<f8")]
    public void Read_SelectedColumns_KeepsThoseInOrder(string descr)
    {
        using var files = new TestFiles();
        float[] values = RowSourceChecks.Values(60, 3);
        string path = descr == "<f4"
            ? files.WriteNpy("a.npy", values, 60, 3)
            : files.WriteNpy("a.npy", values.Select(v => (double)v).ToArray(), 60, 3);
        float[] expected = Enumerable.Range(0, 60)
            .SelectMany(r => new[] { values[(r * 3) + 2], values[r * 3] }).ToArray();

        using IRowSource source = RowSources.Open(path, ["2", "0"]);

        Assert.Equal(["2", "0"], source.ColumnNames);
        RowSourceChecks.AssertReads(source, expected);
    }

    [Fact]
    public void Read_OneDimensional_IsOneColumn()
    {
        using var files = new TestFiles();
        float[] values = [1, 2, 3];
        string path = files.WriteNpy("a.npy", "<f4", "(3,)", TestFiles.ToBytes(values), version: 2);

        using IRowSource source = RowSources.Open(path);

        Assert.Equal(1, source.Columns);
        RowSourceChecks.AssertReads(source, values);
    }

    [Fact]
    public void Read_NaN_IsFoundWhenItsRowIsReadAndNamedAsDataReaderNamesIt()
    {
        using var files = new TestFiles();
        float[] values = RowSourceChecks.Values(100, 2);
        values[(57 * 2) + 1] = float.NaN;
        string path = files.WriteNpy("a.npy", values, 100, 2);
        using IRowSource source = RowSources.Open(path);
        var buffer = new float[200];

        source.Read(0, 57, buffer);
        source.Read(58, 42, buffer);
        var error = Assert.Throws<DataFormatException>(() => source.Read(50, 10, buffer));
        var whole = Assert.Throws<DataFormatException>(() => DataReader.Read(path));

        Assert.Contains(
            "a.npy row 58, column 2: value NaN", error.Message, StringComparison.Ordinal);
        Assert.Equal(whole.Message, error.Message);
    }

    [Fact]
    public void Read_BeyondTwoToThe31Values_UsesLongOffsets()
    {
        using var files = new TestFiles();
        const long rows = (1L << 30) + 8;
        string path = files.WriteNpy("big.npy", "<f4", $"({rows}, 2)", []);
        float[] tail = [1.5f, -2.5f, 3.5f, -4.5f];
        using (var stream = new FileStream(path, FileMode.Open, FileAccess.ReadWrite))
        {
            // A sparse file: 8 GiB long, and only the header and these values take disk space.
            long dataStart = stream.Length;
            stream.SetLength(dataStart + (rows * 2 * sizeof(float)));
            stream.Position = dataStart + ((rows - 2) * 2 * sizeof(float));
            stream.Write(TestFiles.ToBytes(tail));
        }

        using IRowSource source = RowSources.Open(path);
        var buffer = new float[6];
        source.Read(rows - 3, 3, buffer);

        Assert.Equal(rows, source.Rows);
        Assert.Equal(new float[] { 0, 0, 1.5f, -2.5f, 3.5f, -4.5f }, buffer);
        var error = Assert.Throws<DataFormatException>(() => DataReader.Read(path));
        Assert.Contains("exceed the largest array", error.Message, StringComparison.Ordinal);
    }
}
