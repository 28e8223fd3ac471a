using System.Globalization;
using System.Text;

namespace GmmGpu.Tests.Data;

/// <summary>A temporary folder per test, deleted on Dispose, with writers for test files.</summary>
internal sealed class TestFiles : IDisposable
{
    public TestFiles()
    {
        Folder = Path.Combine(Path.GetTempPath(), "gmmgpu-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Folder);
    }

    public string Folder { get; }

    public string PathOf(string name) => Path.Combine(Folder, name);

    public string WriteText(string name, string text)
    {
        string path = PathOf(name);
        File.WriteAllText(path, text);
        return path;
    }

    /// <summary>Writes a .npy file (version 1 unless asked) with the given header fields.</summary>
    public string WriteNpy(
        string name,
        string descr,
        string shape,
        byte[] data,
        bool fortranOrder = false,
        int version = 1)
    {
        string order = fortranOrder ? "True" : "False";
        string dict = $"{{'descr': '{descr}', 'fortran_order': {order}, "
            + $"'shape': {shape}, }}";
        int prefix = version == 1 ? 10 : 12;
        int padded = ((prefix + dict.Length + 1 + 63) / 64) * 64;
        string header = dict.PadRight(padded - prefix - 1) + "\n";
        using var stream = File.Create(PathOf(name));
        using var writer = new BinaryWriter(stream);
        writer.Write(new byte[] { 0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y' });
        writer.Write((byte)version);
        writer.Write((byte)0);
        if (version == 1)
        {
            writer.Write((ushort)header.Length);
        }
        else
        {
            writer.Write((uint)header.Length);
        }

        writer.Write(Encoding.ASCII.GetBytes(header));
        writer.Write(data);
        return PathOf(name);
    }

    public string WriteNpy(string name, float[] values, int rows, int columns) =>
        WriteNpy(name, "<f4", Shape(rows, columns), ToBytes(values));

    public string WriteNpy(string name, double[] values, int rows, int columns) =>
        WriteNpy(name, "<f8", Shape(rows, columns), ToBytes(values));

    public static byte[] ToBytes(float[] values)
    {
        var bytes = new byte[values.Length * sizeof(float)];
        Buffer.BlockCopy(values, 0, bytes, 0, bytes.Length);
        return bytes;
    }

    public static byte[] ToBytes(double[] values)
    {
        var bytes = new byte[values.Length * sizeof(double)];
        Buffer.BlockCopy(values, 0, bytes, 0, bytes.Length);
        return bytes;
    }

    /// <summary>
    /// Three well-separated 2-D Gaussian blobs (means (0,0), (10,10), (-10,10), unit
    /// variance), <paramref name="rows"/> points, as a CSV with header x,y.
    /// </summary>
    public string WriteBlobs(string name, int rows = 3000, int seed = 7)
    {
        var random = new Random(seed);
        double[][] means = [[0, 0], [10, 10], [-10, 10]];
        var text = new StringBuilder("x,y\n");
        for (int i = 0; i < rows; i++)
        {
            double[] m = means[i % 3];
            text.Append(CultureInfo.InvariantCulture, $"{m[0] + Gaussian(random):R},")
                .Append(CultureInfo.InvariantCulture, $"{m[1] + Gaussian(random):R}\n");
        }

        return WriteText(name, text.ToString());
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a temp folder left behind is harmless.
        }
    }

    private static string Shape(int rows, int columns) =>
        columns == 0 ? $"({rows},)" : $"({rows}, {columns})";

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble()))
        * Math.Cos(2 * Math.PI * random.NextDouble());
}
