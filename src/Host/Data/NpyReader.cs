using System.Buffers.Binary;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.RegularExpressions;

namespace GmmGpu.Data;

/// <summary>
/// Reads NumPy <c>.npy</c> files (format versions 1, 2 and 3): float32 or float64,
/// little-endian, C order, 1-D or 2-D. Values stream straight into the float32 result.
/// </summary>
internal static partial class NpyReader
{
    private const int ChunkValues = 1 << 16;
    private static readonly byte[] Magic =
        [0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y'];

    public static LoadedData Read(string path, IReadOnlyList<string>? columns)
    {
        using var stream = new FileStream(
            path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20,
            FileOptions.SequentialScan);
        if (stream.Length == 0)
        {
            throw new DataFormatException($"{path} is empty.");
        }

        NpyHeader header = ReadHeader(path, stream);
        long rows = header.Rows, features = header.Features;
        long count = rows * features;
        if (rows == 0 || features == 0)
        {
            throw new DataFormatException(
                $"{path} holds an empty array of shape {header.ShapeText}: "
                + "need at least one point.");
        }

        if (count > Array.MaxLength || features > int.MaxValue)
        {
            throw DataReader.TooLarge(path, rows, features);
        }

        long available = stream.Length - stream.Position;
        if (available < count * header.ItemSize)
        {
            throw new DataFormatException(
                $"{path} is truncated: shape {header.ShapeText} needs {count * header.ItemSize} "
                + $"bytes of data but the file has {available}.");
        }

        var values = new float[count];
        if (header.ItemSize == sizeof(float))
        {
            ReadSingles(stream, values);
        }
        else
        {
            ReadDoubles(stream, values);
        }

        string[] names = Enumerable.Range(0, (int)features)
            .Select(i => i.ToString(CultureInfo.InvariantCulture)).ToArray();
        int[] selected = DataReader.ResolveColumns(path, names, columns);
        float[] result = Select(values, rows, (int)features, selected);
        CheckFinite(path, result, selected);
        return new LoadedData(path, result, rows, selected.Select(i => names[i]).ToArray());
    }

    private static NpyHeader ReadHeader(string path, FileStream stream)
    {
        Span<byte> prefix = stackalloc byte[12];
        int got = stream.ReadAtLeast(prefix[..10], 10, throwOnEndOfStream: false);
        if (got < 10 || !prefix[..6].SequenceEqual(Magic))
        {
            throw new DataFormatException(
                $"{path} is not a NumPy .npy file (the magic string \\x93NUMPY is missing).");
        }

        byte major = prefix[6];
        int headerLength;
        if (major == 1)
        {
            headerLength = BinaryPrimitives.ReadUInt16LittleEndian(prefix[8..10]);
        }
        else if (major is 2 or 3)
        {
            if (stream.ReadAtLeast(prefix[10..12], 2, throwOnEndOfStream: false) < 2)
            {
                throw new DataFormatException($"{path}: the .npy header is truncated.");
            }

            uint length = BinaryPrimitives.ReadUInt32LittleEndian(prefix[8..12]);
            headerLength = length > 1 << 24 ? -1 : (int)length;
        }
        else
        {
            throw new DataFormatException(
                $"{path}: .npy format version {major}.{prefix[7]} is not supported "
                + "(versions 1, 2 and 3 are).");
        }

        var text = new byte[Math.Max(headerLength, 0)];
        if (headerLength < 0
            || stream.ReadAtLeast(text, text.Length, throwOnEndOfStream: false) < text.Length)
        {
            throw new DataFormatException($"{path}: the .npy header is truncated.");
        }

        return ParseHeader(path, Encoding.UTF8.GetString(text).Trim());
    }

    private static NpyHeader ParseHeader(string path, string header)
    {
        Match descr = DescrPattern().Match(header);
        Match order = FortranPattern().Match(header);
        Match shape = ShapePattern().Match(header);
        if (!header.StartsWith('{') || !descr.Success || !order.Success || !shape.Success)
        {
            throw new DataFormatException(
                $"{path}: corrupt .npy header \"{header}\"; expected a dict with 'descr', "
                + "'fortran_order' and 'shape'.");
        }

        string dtype = descr.Groups[1].Value;
        int itemSize = dtype switch
        {
            "<f4" => sizeof(float),
            "<f8" => sizeof(double),
            _ => throw new DataFormatException(
                $"{path}: unsupported .npy dtype '{dtype}'; supported are '<f4' (float32) and "
                + "'<f8' (float64), little-endian. Convert with arr.astype('<f4')."),
        };

        if (order.Groups[1].Value == "True")
        {
            throw new DataFormatException(
                $"{path}: the array is in Fortran order; save it in C order "
                + "(numpy.ascontiguousarray) instead.");
        }

        string[] dims = shape.Groups[1].Value
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var sizes = new long[dims.Length];
        for (int i = 0; i < dims.Length; i++)
        {
            if (!long.TryParse(
                    dims[i], NumberStyles.None, CultureInfo.InvariantCulture, out sizes[i]))
            {
                throw new DataFormatException(
                    $"{path}: corrupt .npy shape ({shape.Groups[1].Value}).");
            }
        }

        string shapeText = $"({shape.Groups[1].Value.Trim()})";
        return sizes.Length switch
        {
            1 => new NpyHeader(sizes[0], 1, itemSize, shapeText),
            2 => new NpyHeader(sizes[0], sizes[1], itemSize, shapeText),
            _ => throw new DataFormatException(
                $"{path}: the array has shape {shapeText}; only 1-D (N) and 2-D (N, D) arrays "
                + "are supported."),
        };
    }

    private static void ReadSingles(FileStream stream, float[] values)
    {
        for (long offset = 0; offset < values.Length; offset += ChunkValues)
        {
            int length = (int)Math.Min(ChunkValues, values.Length - offset);
            Span<float> chunk = values.AsSpan((int)offset, length);
            stream.ReadExactly(MemoryMarshal.AsBytes(chunk));
            if (!BitConverter.IsLittleEndian)
            {
                Span<int> raw = MemoryMarshal.Cast<float, int>(chunk);
                BinaryPrimitives.ReverseEndianness(raw, raw);
            }
        }
    }

    private static void ReadDoubles(FileStream stream, float[] values)
    {
        var buffer = new double[ChunkValues];
        for (long offset = 0; offset < values.Length; offset += ChunkValues)
        {
            int length = (int)Math.Min(ChunkValues, values.Length - offset);
            Span<double> chunk = buffer.AsSpan(0, length);
            stream.ReadExactly(MemoryMarshal.AsBytes(chunk));
            if (!BitConverter.IsLittleEndian)
            {
                Span<long> raw = MemoryMarshal.Cast<double, long>(chunk);
                BinaryPrimitives.ReverseEndianness(raw, raw);
            }

            Span<float> target = values.AsSpan((int)offset, length);
            for (int i = 0; i < length; i++)
            {
                target[i] = (float)chunk[i];
            }
        }
    }

    /// <summary>Keeps the selected columns, compacting in place when that is possible.</summary>
    private static float[] Select(float[] values, long rows, int features, int[] selected)
    {
        if (selected.SequenceEqual(Enumerable.Range(0, features)))
        {
            return values;
        }

        int d = selected.Length;
        var result = new float[rows * d];
        for (long r = 0; r < rows; r++)
        {
            for (int c = 0; c < d; c++)
            {
                result[(r * d) + c] = values[(r * features) + selected[c]];
            }
        }

        return result;
    }

    private static void CheckFinite(string path, float[] values, int[] selected)
    {
        int d = selected.Length;
        for (long i = 0; i < values.Length; i++)
        {
            if (!float.IsFinite(values[i]))
            {
                throw DataReader.NotFinite(
                    path, (i / d) + 1, $"{selected[i % d] + 1}",
                    values[i].ToString(CultureInfo.InvariantCulture));
            }
        }
    }

    [GeneratedRegex(@"['""]descr['""]\s*:\s*['""]([^'""]*)['""]")]
    private static partial Regex DescrPattern();

    [GeneratedRegex(@"['""]fortran_order['""]\s*:\s*(True|False)")]
    private static partial Regex FortranPattern();

    [GeneratedRegex(@"['""]shape['""]\s*:\s*\(([^)]*)\)")]
    private static partial Regex ShapePattern();

    private readonly record struct NpyHeader(
        long Rows, long Features, int ItemSize, string ShapeText);
}
