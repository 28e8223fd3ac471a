using System.Buffers.Binary;

namespace GmmGpu.Tests.Viewer;

/// <summary>
/// A TrueColor image in X Window Dump format, as <c>xwd</c> writes it: a big-endian header of
/// 32-bit fields, the window name, a colour map, then rows of packed pixels.
/// </summary>
internal sealed class XwdImage
{
    private readonly byte[] file;
    private readonly int offset, bytesPerLine, bytesPerPixel;
    private readonly bool lsbFirst;
    private readonly uint redMask, greenMask, blueMask;

    private XwdImage(byte[] file)
    {
        this.file = file;
        int Field(int i) => checked((int)BinaryPrimitives.ReadUInt32BigEndian(file.AsSpan(4 * i)));
        Width = Field(4);
        Height = Field(5);
        lsbFirst = Field(7) == 0;
        bytesPerPixel = Field(11) / 8;
        bytesPerLine = Field(12);
        (redMask, greenMask, blueMask) = ((uint)Field(14), (uint)Field(15), (uint)Field(16));
        // Header, then one 12-byte XWDColor per colour-map entry.
        offset = Field(0) + (12 * Field(19));
        if (bytesPerPixel is < 3 or > 4 || offset + (bytesPerLine * Height) > file.Length)
        {
            throw new FormatException($"not a TrueColor xwd image of 24 or 32 bits a pixel "
                + $"({Field(11)} bits a pixel, {file.Length} bytes).");
        }
    }

    public int Width { get; }

    public int Height { get; }

    public static XwdImage Parse(byte[] file) => new(file);

    /// <summary>The colour at (x, y), origin top left.</summary>
    public (byte R, byte G, byte B) Pixel(int x, int y)
    {
        uint value = 0;
        int at = offset + (y * bytesPerLine) + (x * bytesPerPixel);
        for (int i = 0; i < bytesPerPixel; i++)
        {
            int shift = 8 * (lsbFirst ? i : bytesPerPixel - 1 - i);
            value |= (uint)file[at + i] << shift;
        }

        return (Channel(value, redMask), Channel(value, greenMask), Channel(value, blueMask));
    }

    private static byte Channel(uint value, uint mask) =>
        (byte)((value & mask) >> System.Numerics.BitOperations.TrailingZeroCount(mask));
}
