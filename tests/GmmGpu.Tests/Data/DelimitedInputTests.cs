using GmmGpu.Tests.Cli;
using GmmGpu.Data;
using Xunit;

namespace GmmGpu.Tests.Data;

/// <summary>
/// Delimited text as users have it: duplicated or quoted column names, malformed first rows,
/// huge or binary fields (issue 12, items 10, 11 and 19).
/// </summary>
public class DelimitedInputTests
{
    [Fact]
    public void Fit_SameColumnTwice_IsRefused()
    {
        using var files = new TestFiles();
        string data = files.WriteBlobs("a.csv", rows: 60);

        CliResult result = CliResult.Run("fit", data, "-k", "2", "--columns", "0,0", "--quiet");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("a.csv: the columns \"0\" and \"0\" are the same column", result.Stderr,
            StringComparison.Ordinal);
    }

    [Fact]
    public void Read_NameAndIndexOfOneColumn_IsRefused()
    {
        using var files = new TestFiles();
        string data = files.WriteBlobs("a.csv", rows: 60);

        var error = Assert.Throws<DataFormatException>(() => DataReader.Read(data, ["y", "1"]));

        Assert.Contains("\"y\" and \"1\" are the same column", error.Message,
            StringComparison.Ordinal);
    }

    [Fact]
    public void Fit_AmbiguousHeaderName_IsRefused()
    {
        using var files = new TestFiles();
        string data = files.WriteText("a.csv", "x,x,y\n1,2,3\n4,5,6\n7,8,9\n1,1,1\n");

        CliResult result = CliResult.Run("fit", data, "-k", "1", "--columns", "x", "--quiet");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("the header names 2 columns \"x\" (0-based indices 0, 1)", result.Stderr,
            StringComparison.Ordinal);
    }

    [Fact]
    public void Read_QuotedHeaderNameWithComma_CanBeSelected()
    {
        using var files = new TestFiles();
        string data = files.WriteText("a.csv", "\"a,b\",c\n1,2\n3,4\n");

        LoadedData loaded = DataReader.Read(data, DataReader.SplitColumnList("c, \"a,b\""));

        Assert.Equal(["c", "a,b"], loaded.ColumnNames);
        Assert.Equal([2f, 1f, 4f, 3f], loaded.Values.ToArray());
    }

    [Theory]
    [InlineData(",2.0\n1,2\n3,4\n", "a.csv row 1, column 1: \"\" is not a number (a first row")]
    [InlineData("1.0x,2.0\n1,2\n", "a.csv row 1, column 1: \"1.0x\" is not a number (a first")]
    [InlineData("\n\n1,2.0\n1,2\n5,oops\n", "a.csv row 5, column 2: \"oops\" is not a number.")]
    public void Read_MalformedFirstRow_IsReportedNotTakenForAHeader(string text, string expected)
    {
        using var files = new TestFiles();
        string data = files.WriteText("a.csv", text);

        var error = Assert.Throws<DataFormatException>(() => DataReader.Read(data));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_HeaderWithAnEmptyName_IsAHeader()
    {
        using var files = new TestFiles();
        string data = files.WriteText("a.csv", ",x,y\n0,1,2\n1,3,4\n");

        Assert.Equal(["", "x", "y"], DataReader.Read(data).ColumnNames);
    }

    [Fact]
    public void Fit_HugeField_IsQuotedShort()
    {
        using var files = new TestFiles();
        string data = files.WriteText("a.csv", "x,y\n1,2\n3," + new string('7', 5_000_000) + "z\n");

        CliResult result = CliResult.Run("fit", data, "-k", "1", "--quiet");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains(
            "row 3, column \"y\": \"" + new string('7', 40) + "…\" (5000001 characters) is not a",
            result.Stderr, StringComparison.Ordinal);
        Assert.True(result.Stderr.Length < 300, $"{result.Stderr.Length} characters");
    }

    [Fact]
    public void Fit_ControlCharacters_AreEscaped()
    {
        using var files = new TestFiles();
        string data = files.WriteText("a.csv", "x,y\n1,2\n3,\u001b[2J\u0007\n");

        CliResult result = CliResult.Run("fit", data, "-k", "1", "--quiet");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains(
            "\"\\x1B[2J\\x07\" is not a number", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain(result.Stderr.TrimEnd('\n'), char.IsControl);
    }
}
