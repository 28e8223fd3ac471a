using System.Globalization;
using System.Text;
using GmmGpu.Data;
using Xunit;

namespace GmmGpu.Tests.Data;

public class DelimitedRowSourceTests
{
    [Theory]
    [InlineData("x,y,z", ",", "\n")]
    [InlineData(null, ",", "\n")]
    [InlineData("\"x\";\"y\";\"z\"", ";", "\r\n")]
    [InlineData("x\ty\tz", "\t", "\r")]
    [InlineData(null, "\t", "\r\n")]
    public void Read_AnyRanges_MatchesTheFileAndDataReader(
        string? header, string delimiter, string newline)
    {
        using var files = new TestFiles();
        float[] values = RowSourceChecks.Values(200, 3);
        string path = files.WriteText(
            "a.csv", Text(values, 3, header, delimiter, newline, blankEvery: 17));

        using IRowSource source = RowSources.Open(path);

        Assert.Equal(200, source.Rows);
        Assert.Equal(header is null ? ["0", "1", "2"] : ["x", "y", "z"], source.ColumnNames);
        Assert.Equal(values, DataReader.Read(path).Values.ToArray());
        RowSourceChecks.AssertReads(source, values);
    }

    [Fact]
    public void Read_ByteOrderMarkAndBlankLinesFirst_AreSkipped()
    {
        using var files = new TestFiles();
        float[] values = RowSourceChecks.Values(5, 2);
        string path = files.PathOf("a.csv");
        File.WriteAllText(
            path, "\n  \n" + Text(values, 2, null, ",", "\n", 0), new UTF8Encoding(true));

        using IRowSource source = RowSources.Open(path);

        RowSourceChecks.AssertReads(source, values);
    }

    [Fact]
    public void Read_ColumnsByName_KeepsThoseInOrder()
    {
        using var files = new TestFiles();
        string path = files.WriteText("a.csv", "id,a,b\nx1,1,2\nx2,3,4\n");

        using IRowSource source = RowSources.Open(path, ["b", "1"]);

        Assert.Equal(["b", "a"], source.ColumnNames);
        RowSourceChecks.AssertReads(source, [2, 1, 4, 3]);
    }

    [Theory]
    [InlineData("abc", "a.csv row 41, column \"y\": \"abc\" is not a number")]
    [InlineData("inf", "a.csv row 41, column \"y\": value inf is not finite")]
    [InlineData("1,2", "a.csv row 41 has 3 fields; expected 2")]
    public void Read_BadRow_IsFoundWhenReadAndNamedAsDataReaderNamesIt(
        string field, string expected)
    {
        using var files = new TestFiles();
        float[] values = RowSourceChecks.Values(60, 2);
        string[] lines = Text(values, 2, "x,y", ",", "\n", 0).Split('\n');
        lines[40] = "5," + field;
        string path = files.WriteText("a.csv", string.Join('\n', lines));
        using IRowSource source = RowSources.Open(path);
        var buffer = new float[120];

        source.Read(0, 39, buffer);
        var error = Assert.Throws<DataFormatException>(() => source.Read(39, 2, buffer));
        source.Read(40, 20, buffer);
        var whole = Assert.Throws<DataFormatException>(() => DataReader.Read(path));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.Equal(whole.Message, error.Message);
        Assert.Equal(values.AsSpan(80, 40).ToArray(), buffer.AsSpan(0, 40).ToArray());
    }

    [Fact]
    public void Open_Utf16_SaysToSaveAsUtf8()
    {
        using var files = new TestFiles();
        string path = files.PathOf("a.csv");
        File.WriteAllText(path, "x,y\n1,2\n", Encoding.Unicode);

        var error = Assert.Throws<DataFormatException>(() => RowSources.Open(path));

        Assert.Contains("UTF-16 text; save it as UTF-8", error.Message, StringComparison.Ordinal);
    }

    /// <summary>
    /// Delimited text of <paramref name="values"/>: an optional header, then a line a row,
    /// a blank line (spaces) after every <paramref name="blankEvery"/>th row when it is not 0.
    /// </summary>
    internal static string Text(
        float[] values,
        int columns,
        string? header,
        string delimiter,
        string newline,
        int blankEvery)
    {
        var text = new StringBuilder();
        if (header is not null)
        {
            text.Append(header).Append(newline);
        }

        for (int r = 0; r < values.Length / columns; r++)
        {
            text.AppendJoin(
                    delimiter,
                    values.Skip(r * columns).Take(columns)
                        .Select(v => v.ToString(CultureInfo.InvariantCulture)))
                .Append(newline);
            if (blankEvery > 0 && r % blankEvery == blankEvery - 1)
            {
                text.Append("  ").Append(newline);
            }
        }

        return text.ToString();
    }
}
