using GmmGpu.Data;
using Xunit;

namespace GmmGpu.Tests.Data;

public class NpyReaderTests
{
    [Fact]
    public void Read_Float32Npy_RoundTripsExactly()
    {
        using var files = new TestFiles();
        float[] values = [1.5f, -2.25f, 3e-8f, 4e7f, 0.1f, -0f];
        string path = files.WriteNpy("a.npy", values, 3, 2);

        LoadedData data = DataReader.Read(path);

        Assert.Equal(3, data.Rows);
        Assert.Equal(2, data.Features);
        Assert.Equal(values, data.Values.ToArray());
        Assert.Equal(["0", "1"], data.ColumnNames);
    }

    [Fact]
    public void Read_Float64Npy_ConvertsToFloat32()
    {
        using var files = new TestFiles();
        double[] values = Enumerable.Range(0, 200_000).Select(i => (i * 0.37) - 5000).ToArray();
        string path = files.WriteNpy("a.npy", values, 50_000, 4);

        LoadedData data = DataReader.Read(path);

        Assert.Equal(50_000, data.Rows);
        Assert.Equal(values.Select(v => (float)v), data.Values.ToArray());
    }

    [Fact]
    public void Read_OneDimensionalVersion2Npy_IsOneFeature()
    {
        using var files = new TestFiles();
        float[] values = [1, 2, 3];
        string path = files.WriteNpy("a.npy", "<f4", "(3,)", TestFiles.ToBytes(values), version: 2);

        LoadedData data = DataReader.Read(path);

        Assert.Equal(3, data.Rows);
        Assert.Equal(1, data.Features);
        Assert.Equal(values, data.Values.ToArray());
    }

    [Fact]
    public void Read_ColumnsByIndex_KeepsThoseInOrder()
    {
        using var files = new TestFiles();
        string path = files.WriteNpy("a.npy", new float[] { 1, 2, 3, 4, 5, 6 }, 2, 3);

        LoadedData data = DataReader.Read(path, ["2", "0"]);

        Assert.Equal(new float[] { 3, 1, 6, 4 }, data.Values.ToArray());
        Assert.Equal(["2", "0"], data.ColumnNames);
    }

    [Theory]
    [InlineData("<i4", "'<i4'")]
    [InlineData(">f4", "'>f4'")]
    [InlineData("<f2", "supported are '<f4'")]
    public void Read_UnsupportedDtype_NamesItAndWhatIsSupported(string descr, string expected)
    {
        using var files = new TestFiles();
        string path = files.WriteNpy("a.npy", descr, "(2, 2)", new byte[16]);

        var error = Assert.Throws<DataFormatException>(() => DataReader.Read(path));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.Contains("a.npy", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_FortranOrder_Throws()
    {
        using var files = new TestFiles();
        string path = files.WriteNpy("a.npy", "<f4", "(2, 2)", new byte[16], fortranOrder: true);

        var error = Assert.Throws<DataFormatException>(() => DataReader.Read(path));

        Assert.Contains("Fortran order", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_NaN_NamesRowAndColumn()
    {
        using var files = new TestFiles();
        string path = files.WriteNpy("a.npy", new float[] { 1, 2, 3, float.NaN }, 2, 2);

        var error = Assert.Throws<DataFormatException>(() => DataReader.Read(path));

        Assert.Contains("row 2, column 2: value NaN", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_TruncatedData_Throws()
    {
        using var files = new TestFiles();
        string path = files.WriteNpy("a.npy", "<f4", "(4, 2)", new byte[12]);

        var error = Assert.Throws<DataFormatException>(() => DataReader.Read(path));

        Assert.Contains("truncated", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_NotNpy_SaysSo()
    {
        using var files = new TestFiles();
        string path = files.WriteText("a.npy", "hello, world");

        var error = Assert.Throws<DataFormatException>(() => DataReader.Read(path));

        Assert.Contains("not a NumPy .npy file", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_CorruptHeader_Throws()
    {
        using var files = new TestFiles();
        string path = files.WriteNpy("a.npy", "<f4", "[2, 2]", new byte[16]);

        var error = Assert.Throws<DataFormatException>(() => DataReader.Read(path));

        Assert.Contains("corrupt .npy header", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_ThreeDimensional_Throws()
    {
        using var files = new TestFiles();
        string path = files.WriteNpy("a.npy", "<f4", "(1, 2, 2)", new byte[16]);

        var error = Assert.Throws<DataFormatException>(() => DataReader.Read(path));

        Assert.Contains("(1, 2, 2)", error.Message, StringComparison.Ordinal);
    }
}
