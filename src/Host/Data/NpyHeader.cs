using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace GmmGpu.Data;

/// <summary>
/// The header of a NumPy <c>.npy</c> file (format versions 1, 2 and 3) that this library
/// reads: float32 or float64, little-endian, C order, 1-D (N points, D = 1) or 2-D (N, D), at
/// least one value, and as many data bytes as the shape needs.
/// </summary>
/// <param name="Rows">N, ≥ 1.</param>
/// <param name="Features">D, in [1, int.MaxValue].</param>
/// <param name="ItemSize">4 for float32, 8 for float64.</param>
/// <param name="ShapeText">The shape as the header writes it, e.g. "(1000, 2)".</param>
/// <param name="DataOffset">The byte offset of the first value in the file.</param>
internal sealed partial record NpyHeader(
    long Rows, long Features, int ItemSize, string ShapeText, long DataOffset)
{
    private static readonly byte[] Magic =
        [0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y'];

    /// <summary>The bytes of one row.</summary>
    public long RowBytes => Features * ItemSize;

    /// <summary>
    /// Reads and checks the header of <paramref name="path"/> from <paramref name="stream"/>,
    /// positioned at the start of the file; leaves the stream at the first value.
    /// </summary>
    public static NpyHeader Read(string path, Stream stream)
    {
        if (stream.Length == 0)
        {
            throw new DataFormatException($"{path} is empty.");
        }

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

        NpyHeader header =
            Parse(path, Encoding.UTF8.GetString(text).Trim(), dataOffset: stream.Position);
        header.CheckSize(path, stream.Length);
        return header;
    }

    private static NpyHeader Parse(string path, string header, long dataOffset)
    {
        if (StructuredPattern().IsMatch(header))
        {
            throw new DataFormatException(
                $"{path}: the array has a structured dtype (named fields); save a plain 2-D "
                + "float array instead (numpy.lib.recfunctions.structured_to_unstructured).");
        }

        Match descr = DescrPattern().Match(header);
        Match order = FortranPattern().Match(header);
        Match shape = ShapePattern().Match(header);
        if (!header.StartsWith('{') || !descr.Success || !order.Success || !shape.Success)
        {
            throw new DataFormatException(
                $"{path}: corrupt .npy header {MessageText.Quote(header)}; expected a dict with "
                + "'descr', 'fortran_order' and 'shape'.");
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
            1 => new NpyHeader(sizes[0], 1, itemSize, shapeText, dataOffset),
            2 => new NpyHeader(sizes[0], sizes[1], itemSize, shapeText, dataOffset),
            _ => throw new DataFormatException(
                $"{path}: the array has shape {shapeText}; only 1-D (N) and 2-D (N, D) arrays "
                + "are supported."),
        };
    }

    private void CheckSize(string path, long fileLength)
    {
        if (Rows == 0 || Features == 0)
        {
            throw new DataFormatException(
                $"{path} holds an empty array of shape {ShapeText}: need at least one point.");
        }

        // A shape whose bytes overflow is no more possible than one the file is too short for.
        var needed = (UInt128)(ulong)Rows * (ulong)Features * (ulong)ItemSize;
        long available = fileLength - DataOffset;
        if (needed > (ulong)Math.Max(available, 0) || Features > int.MaxValue)
        {
            throw new DataFormatException(
                $"{path} is truncated or its shape is wrong: shape {ShapeText} needs {needed} "
                + $"bytes of data but the file has {available}.");
        }
    }

    [GeneratedRegex(@"['""]descr['""]\s*:\s*\[")]
    private static partial Regex StructuredPattern();

    [GeneratedRegex(@"['""]descr['""]\s*:\s*['""]([^'""]*)['""]")]
    private static partial Regex DescrPattern();

    [GeneratedRegex(@"['""]fortran_order['""]\s*:\s*(True|False)")]
    private static partial Regex FortranPattern();

    [GeneratedRegex(@"['""]shape['""]\s*:\s*\(([^)]*)\)")]
    private static partial Regex ShapePattern();
}
