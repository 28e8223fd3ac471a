using System.Runtime.InteropServices;
using System.Text;

namespace GmmGpu.Bench.Gpu;

/// <summary>Writes a float32 (rows, columns) C-order .npy (format 1.0).</summary>
internal static class NpyFile
{
    public static void Write(string path, float[] data, long rows, int columns)
    {
        string header =
            $"{{'descr': '<f4', 'fortran_order': False, 'shape': ({rows}, {columns}), }}";
        // Magic (6) + version (2) + length (2) + header, padded with spaces to 64 bytes, '\n'.
        int length = 10 + header.Length + 1;
        header += new string(' ', (64 - (length % 64)) % 64) + "\n";
        using var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write);
        stream.Write([0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y', 1, 0]);
        stream.Write(BitConverter.GetBytes((ushort)header.Length));
        stream.Write(Encoding.ASCII.GetBytes(header));
        stream.Write(MemoryMarshal.AsBytes(data.AsSpan()));
    }
}
