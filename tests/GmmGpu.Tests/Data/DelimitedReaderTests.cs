using GmmGpu.Data;
using Xunit;

namespace GmmGpu.Tests.Data;

public class DelimitedReaderTests
{
    [Theory]
    [InlineData("a.csv", "x,y\n1,2\n3.5,-4e2\n")]
    [InlineData("a.csv", "x;y\n1;2\n3.5;-4e2\n")]
    [InlineData("a.tsv", "x\ty\n1\t2\n3.5\t-4e2\n")]
    [InlineData("a.txt", "\"x\",\"y\"\r\n1, 2\r\n\r\n3.5, -4e2\r\n")]
    public void Read_WithHeader_DetectsDelimiterAndNames(string name, string text)
    {
        using var files = new TestFiles();
        string path = files.WriteText(name, text);

        LoadedData data = DataReader.Read(path);

        Assert.Equal(2, data.Rows);
        Assert.Equal(["x", "y"], data.ColumnNames);
        Assert.Equal(new float[] { 1, 2, 3.5f, -400 }, data.Values.ToArray());
    }

    [Fact]
    public void Read_WithoutHeader_NamesColumnsByIndex()
    {
        using var files = new TestFiles();
        string path = files.WriteText("a.csv", "1,2,3\n4,5,6\n");

        LoadedData data = DataReader.Read(path);

        Assert.Equal(2, data.Rows);
        Assert.Equal(["0", "1", "2"], data.ColumnNames);
        Assert.Equal(new float[] { 1, 2, 3, 4, 5, 6 }, data.Values.ToArray());
    }

    [Fact]
    public void Read_ColumnsByNameAndIndex_KeepsThoseInOrder()
    {
        using var files = new TestFiles();
        string path = files.WriteText("a.csv", "id,a,b\nx1,1,2\nx2,3,4\n");

        LoadedData data = DataReader.Read(path, ["b", "1"]);

        Assert.Equal(["b", "a"], data.ColumnNames);
        Assert.Equal(new float[] { 2, 1, 4, 3 }, data.Values.ToArray());
    }

    [Theory]
    [InlineData("x,y\n1,2\n3,4,5\n", "a.csv row 3 has 3 fields; expected 2")]
    [InlineData("x,y\n1,2\n3,abc\n", "a.csv row 3, column \"y\": \"abc\" is not a number")]
    [InlineData("1,2\n3,4\n5,\n", "a.csv row 3, column 2: \"\" is not a number")]
    [InlineData("x,y\n1,NaN\n", "a.csv row 2, column \"y\": value NaN is not finite")]
    [InlineData("x,y\n1,2\n-inf,2\n", "a.csv row 3, column \"x\": value -inf is not finite")]
    [InlineData("", "a.csv is empty")]
    [InlineData("x,y\n", "a.csv has a header but no data rows")]
    public void Read_BadFile_ThrowsOneLineNamingRowColumnValue(string text, string expected)
    {
        using var files = new TestFiles();
        string path = files.WriteText("a.csv", text);

        var error = Assert.Throws<DataFormatException>(() => DataReader.Read(path));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void Read_UnknownColumn_ListsTheColumns()
    {
        using var files = new TestFiles();
        string path = files.WriteText("a.csv", "x,y\n1,2\n");

        var error = Assert.Throws<DataFormatException>(() => DataReader.Read(path, ["z"]));

        Assert.Contains(
            "unknown column \"z\"; the columns are \"x\", \"y\"", error.Message,
            StringComparison.Ordinal);
    }

    [Fact]
    public void Read_MissingFile_Throws()
    {
        using var files = new TestFiles();

        var error = Assert.Throws<DataFormatException>(
            () => DataReader.Read(files.PathOf("missing.csv")));

        Assert.Contains("missing.csv does not exist", error.Message, StringComparison.Ordinal);
    }
}
