using GmmGpu.Data;
using GmmGpu.Distributed;
using GmmGpu.Tests.Distributed;
using Xunit;

namespace GmmGpu.Tests.Data;

public class RowSharesTests
{
    public static TheoryData<string, int> FormatsAndSizes()
    {
        var data = new TheoryData<string, int>();
        foreach (string format in new[] { "npy", "csv-header", "csv", "parquet" })
        {
            foreach (int size in new[] { 1, 2, 3 })
            {
                data.Add(format, size);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(FormatsAndSizes))]
    public async Task OpenShare_AnySize_SharesConcatenateToTheWholeFile(string format, int size)
    {
        using var files = new TestFiles();
        (string path, float[] expected) = await WriteAsync(files, format, rows: 101);

        IRowSource[] shares = ThreadCommunicator.RunAll(
            size, c => RowSources.OpenShare(path, null, c.Rank, c.Size, c));

        AssertShares(shares, expected);
    }

    [Fact]
    public void OpenShare_CrLfAndBlankLines_EverySizeSplitsOnLines()
    {
        using var files = new TestFiles();
        float[] values = RowSourceChecks.Values(23, 2);
        string path = files.WriteText(
            "a.csv", DelimitedRowSourceTests.Text(values, 2, "x,y", ",", "\r\n", blankEvery: 3));

        for (int size = 1; size <= 9; size++)
        {
            IRowSource[] shares = ThreadCommunicator.RunAll(
                size, c => RowSources.OpenShare(path, ["y"], c.Rank, c.Size, c));

            AssertShares(shares, values.Where((_, i) => i % 2 == 1).ToArray());
        }
    }

    [Fact]
    public void OpenShare_CrLfAndBlankLines_EverySizeNamesTheLineOfABadRow()
    {
        using var files = new TestFiles();
        float[] values = RowSourceChecks.Values(23, 2);
        string text = DelimitedRowSourceTests.Text(values, 2, "x,y", ",", "\r\n", blankEvery: 3);
        string path = files.WriteText("a.csv", text + "1,NaN\r\n");
        string whole = Assert.Throws<DataFormatException>(() => DataReader.Read(path)).Message;

        for (int size = 1; size <= 9; size++)
        {
            IRowSource[] shares = ThreadCommunicator.RunAll(
                size, c => RowSources.OpenShare(path, null, c.Rank, c.Size, c));
            IRowSource last = shares.Last(share => share.Rows > 0);

            var error = Assert.Throws<DataFormatException>(
                () => last.Read(0, (int)last.Rows, new float[last.Rows * 2]));
            Assert.Equal(whole, error.Message);
            DisposeAll(shares);
        }

        Assert.Contains("a.csv row 32, column \"y\": value NaN", whole, StringComparison.Ordinal);
    }

    [Fact]
    public void OpenShare_QuotedAndUnicodeBlankLines_AreSkippedAsSepSkipsThem()
    {
        using var files = new TestFiles();
        string path = files.WriteText(
            "a.csv",
            "x,y\n\"1.5\",\"2\"\n\"\"\n\u00a0\u3000\n3,4\n\" \"\n\u00e9\u00a0,5\n  \"6\",7\n");
        float[] expected = [2, 4, 5, 7];

        for (int size = 1; size <= 5; size++)
        {
            IRowSource[] shares = ThreadCommunicator.RunAll(
                size, c => RowSources.OpenShare(path, ["y"], c.Rank, c.Size, c));

            AssertShares(shares, expected);
        }
    }

    [Fact]
    public void OpenShare_NpyWithFewerRowsThanRanks_LeavesSomeSharesEmpty()
    {
        using var files = new TestFiles();
        string path = files.WriteNpy("a.npy", new float[] { 1, 2, 3, 4 }, 2, 2);

        IRowSource[] shares = ThreadCommunicator.RunAll(
            3, c => RowSources.OpenShare(path, null, c.Rank, c.Size, c));

        Assert.Equal([0L, 2L, 0L], shares.Select(s => s.Rows));
        AssertShares(shares, [1, 2, 3, 4]);
    }

    [Theory]
    [InlineData("a.npy")]
    [InlineData("a.csv")]
    public void OpenShare_SharesStartOnMultiplesOf256Rows(string name)
    {
        using var files = new TestFiles();
        float[] values = RowSourceChecks.Values(1000, 2);
        string path = name.EndsWith(".npy", StringComparison.Ordinal)
            ? files.WriteNpy(name, values, 1000, 2)
            : files.WriteText(name, DelimitedRowSourceTests.Text(values, 2, "x,y", ",", "\n", blankEvery: 0));

        IRowSource[] shares = ThreadCommunicator.RunAll(
            3, c => RowSources.OpenShare(path, null, c.Rank, c.Size, c));

        Assert.All(shares, share => Assert.Equal(0, share.FirstRow % 256));
        Assert.Equal(1000, shares.Sum(share => share.Rows));
        AssertShares(shares, values);
    }

    [Fact]
    public void OpenShare_CsvBadRow_NamesTheLineOfTheWholeFile()
    {
        using var files = new TestFiles();
        float[] values = RowSourceChecks.Values(90, 2);
        string[] lines = DelimitedRowSourceTests
            .Text(values, 2, "x,y", ",", "\n", blankEvery: 10).Split('\n');
        lines[75] = "1,oops";
        string path = files.WriteText("a.csv", string.Join('\n', lines));
        string whole = Assert.Throws<DataFormatException>(() => DataReader.Read(path)).Message;

        IRowSource[] shares = ThreadCommunicator.RunAll(
            3, c => RowSources.OpenShare(path, null, c.Rank, c.Size, c));
        string[] errors = shares.Select(share => Record.Exception(
                () => share.Read(0, (int)share.Rows, new float[share.Rows * 2]))?.Message)
            .OfType<string>().ToArray();

        Assert.Equal([whole], errors);
        Assert.Contains(
            "a.csv row 76, column \"y\": \"oops\" is not a number", whole, StringComparison.Ordinal);
        DisposeAll(shares);
    }

    [Fact]
    public void OpenShare_OneRankCannotOpen_EveryRankThrowsAndNoneHangs()
    {
        using var files = new TestFiles();
        string path = files.WriteText("a.csv", "x,y\n1,2\n3,4\n5,6\n");
        string missing = files.PathOf("missing.csv");

        (IRowSource? Result, Exception? Error)[] outcomes = ThreadCommunicator.Run(
            3, c => RowSources.OpenShare(c.Rank == 1 ? missing : path, null, c.Rank, c.Size, c));

        Assert.IsType<DataFormatException>(outcomes[1].Error);
        Assert.Contains(
            "missing.csv does not exist", outcomes[1].Error!.Message, StringComparison.Ordinal);
        foreach (int other in new[] { 0, 2 })
        {
            // The others only heard of it: an agreement around the open lets rank 1 report.
            var heard = Assert.IsType<RankFailedException>(outcomes[other].Error);
            Assert.Equal(1, heard.Rank);
            Assert.False(heard.IsLocal);
            Assert.Contains("rank 1 could not read its share", heard.Message, StringComparison.Ordinal);
        }
    }

    private static void AssertShares(IRowSource[] shares, float[] expected)
    {
        long firstRow = 0;
        var concatenated = new List<float>();
        foreach (IRowSource share in shares)
        {
            Assert.Equal(firstRow, share.FirstRow);
            concatenated.AddRange(RowSourceChecks.ReadAll(share, 5));
            firstRow += share.Rows;
        }

        Assert.Equal(expected, concatenated);
        DisposeAll(shares);
    }

    private static void DisposeAll(IRowSource[] shares)
    {
        foreach (IRowSource share in shares)
        {
            share.Dispose();
        }
    }

    private static async Task<(string Path, float[] Values)> WriteAsync(
        TestFiles files, string format, int rows)
    {
        float[] values = RowSourceChecks.Values(rows, 3);
        switch (format)
        {
            case "npy":
                return (files.WriteNpy("a.npy", values, rows, 3), values);
            case "parquet":
                string path = files.PathOf("a.parquet");
                (float[] written, _) = await ParquetRowSourceTests.WriteAsync(path, 30, 30, 41);
                return (path, written);
            default:
                string? header = format == "csv-header" ? "x,y,z" : null;
                return (files.WriteText(
                    "a.csv",
                    DelimitedRowSourceTests.Text(values, 3, header, ",", "\n", blankEvery: 7)),
                    values);
        }
    }
}
