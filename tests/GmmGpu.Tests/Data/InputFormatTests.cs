using System.IO.Pipes;
using System.Text;
using GmmGpu.Data;
using GmmGpu.Tests.Cli;
using Xunit;

namespace GmmGpu.Tests.Data;

/// <summary>
/// Inputs as users have them (issue 12, items 13, 14, 15 and 17): text separated by spaces,
/// pipes and names without an extension, endless devices, broken NumPy headers.
/// </summary>
public class InputFormatTests
{
    [Fact]
    public void Read_NumpySavetxtDefault_ReadsEveryRow()
    {
        using var files = new TestFiles();
        string path = files.WriteText("a.txt",
            "1.000000000000000000e+00 -2.500000000000000000e+00\n"
            + "3.000000000000000000e+00 4.000000000000000000e+00\n");

        LoadedData data = DataReader.Read(path);

        Assert.Equal(["0", "1"], data.ColumnNames);
        Assert.Equal([1f, -2.5f, 3f, 4f], data.Values.ToArray());
    }

    [Fact]
    public void Read_RunsOfSpacesAndCommentedHeader_ReadsNamesAndRows()
    {
        using var files = new TestFiles();
        string path = files.WriteText("a.dat", "# a b\n   1    2  \n\n  \n3 4\n");

        LoadedData data = DataReader.Read(path, ["b"]);

        Assert.Equal(["b"], data.ColumnNames);
        Assert.Equal([2f, 4f], data.Values.ToArray());
    }

    [Fact]
    public void Read_SpacedBadValue_NamesLineAndColumn()
    {
        using var files = new TestFiles();
        string path = files.WriteText("a.txt", "1 2\n3  x\n5 6 7\n");

        var error = Assert.Throws<DataFormatException>(() => DataReader.Read(path));

        Assert.Contains("a.txt row 2, column 2: \"x\" is not a number.", error.Message,
            StringComparison.Ordinal);
    }

    [Fact]
    public void Fit_Pipe_IsReadOnceAndLeavesNothing()
    {
        using var files = new TestFiles();
        string text = File.ReadAllText(files.WriteBlobs("blobs.csv", rows: 300));
        string[] before = Spooled();
        string model = files.PathOf("m.json");

        (CliResult result, string pipe) = WithPipe(
            text, pipe => CliResult.Run("fit", pipe, "-k", "3", "--quiet", "-o", model));

        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Equal(3, GaussianMixtureModel.Load(model).Components);
        Assert.DoesNotContain(".", Path.GetExtension(pipe), StringComparison.Ordinal);
        Assert.Equal(before, Spooled());
    }

    [Fact]
    public void Fit_PipeWithABadValue_NamesThePipe()
    {
        string[] before = Spooled();

        (CliResult result, string pipe) = WithPipe(
            "x,y\n1,2\n3,oops\n", pipe => CliResult.Run("fit", pipe, "-k", "1", "--quiet"));

        Assert.Equal(1, result.ExitCode);
        Assert.Contains(pipe + " row 3, column \"y\": \"oops\" is not a number", result.Stderr,
            StringComparison.Ordinal);
        Assert.Equal(before, Spooled());
    }

    [Fact]
    public void Read_NpyWithoutExtension_IsToldByItsMagicString()
    {
        using var files = new TestFiles();
        string npy = files.WriteNpy("a.npy", new float[] { 1, 2, 3, 4 }, 2, 2);
        string path = files.PathOf("data");
        File.Copy(npy, path);

        Assert.Equal([1f, 2f, 3f, 4f], DataReader.Read(path).Values.ToArray());
    }

    [Fact]
    public void Read_TextWithAnotherExtension_IsReadAsDelimitedText()
    {
        using var files = new TestFiles();
        string path = files.WriteText("a.xyz", "x;y\n1;2\n");

        Assert.Equal([1f, 2f], DataReader.Read(path).Values.ToArray());
    }

    [Theory]
    [InlineData("/dev/zero", "z.csv", "z.csv is not text: it holds binary bytes (0x00 at byte 0)")]
    [InlineData("/dev/urandom", "u.csv", "u.csv is not text: it holds binary bytes")]
    [InlineData("/dev/zero", "z.npy", "z.npy is not a .npy file")]
    [InlineData("/dev/zero", "z", "z is not text")]
    public void Read_EndlessDevice_FailsAtOnce(string device, string name, string expected)
    {
        if (!File.Exists(device))
        {
            Assert.Skip($"no {device} on this system");
        }

        using var files = new TestFiles();
        string path = files.PathOf(name);
        File.CreateSymbolicLink(path, device);

        var error = Assert.Throws<DataFormatException>(() => DataReader.Read(path));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_LineOverTheBound_NamesFileAndOffset()
    {
        using var files = new TestFiles();
        string path = files.PathOf("a.csv");
        using (var writer = new StreamWriter(path))
        {
            writer.Write("x,y\n1,2\n");
            writer.Write(new string('1', DelimitedLineScanner.MaxLineBytes + 10));
        }

        var error = Assert.Throws<DataFormatException>(() => DataReader.Read(path));

        Assert.Contains("a.csv: the line at byte 8 is longer than 16 MiB", error.Message,
            StringComparison.Ordinal);
    }

    [Fact]
    public void Read_StructuredNpy_SaysSo()
    {
        using var files = new TestFiles();
        string path = WriteRawNpy(
            files, "{'descr': [('x', '<f4'), ('y', '<f4')], 'fortran_order': False, "
            + "'shape': (2,), }", new byte[16]);

        var error = Assert.Throws<DataFormatException>(() => DataReader.Read(path));

        Assert.Contains("the array has a structured dtype", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_NpyShapeThatOverflows_IsTruncatedOrWrong()
    {
        using var files = new TestFiles();
        string path = files.WriteNpy(
            "a.npy", "<f8", "(4611686018427387904, 4611686018427387904)", new byte[8192]);

        var error = Assert.Throws<DataFormatException>(() => DataReader.Read(path));

        Assert.Contains("is truncated or its shape is wrong: shape (4611686018427387904, "
            + "4611686018427387904) needs", error.Message, StringComparison.Ordinal);
        Assert.Contains("the file has 8192", error.Message, StringComparison.Ordinal);
    }

    /// <summary>The spooled copies in the temporary folder.</summary>
    private static string[] Spooled() =>
        Directory.GetFiles(Path.GetTempPath(), ".gmm-input-*").Order().ToArray();

    /// <summary>
    /// Runs <paramref name="run"/> on a pipe that carries <paramref name="text"/>, named as
    /// bash names a process substitution: /proc/self/fd/N, no extension.
    /// </summary>
    private static (T Result, string Pipe) WithPipe<T>(string text, Func<string, T> run)
    {
        using var server = new AnonymousPipeServerStream(
            PipeDirection.Out, HandleInheritability.None);
        string pipe = $"/proc/self/fd/{server.ClientSafePipeHandle.DangerousGetHandle()}";
        Task writer = Task.Run(() =>
        {
            server.Write(Encoding.UTF8.GetBytes(text));
            server.Dispose();
        });
        T result = run(pipe);
        writer.Wait(TestContext.Current.CancellationToken);
        return (result, pipe);
    }

    private static string WriteRawNpy(TestFiles files, string dict, byte[] data)
    {
        string header = dict.PadRight(((10 + dict.Length + 1 + 63) / 64 * 64) - 11) + "\n";
        string path = files.PathOf("a.npy");
        using var stream = File.Create(path);
        stream.Write([0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y', 1, 0]);
        stream.Write(BitConverter.GetBytes((ushort)header.Length));
        stream.Write(Encoding.ASCII.GetBytes(header));
        stream.Write(data);
        return path;
    }
}
