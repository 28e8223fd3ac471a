using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Gif;
using SixLabors.ImageSharp.PixelFormats;
using SixLabors.ImageSharp.Processing.Processors.Quantization;

namespace GmmGpu.Viewer.Export;

/// <summary>
/// A looping animated GIF written one frame at a time, so memory does not grow with the frame
/// count. ImageSharp 2.1 encodes only whole images (an image of many frames holds every frame),
/// so each frame is encoded alone (its own <see cref="WuPalette"/>, no dithering) and its colour
/// table and LZW data are copied into this file as a frame with a local colour table.
/// </summary>
internal sealed class GifWriter
{
    private const byte ExtensionIntroducer = 0x21;
    private const byte GraphicControlLabel = 0xF9;
    private const byte ImageSeparator = 0x2C;
    private const byte Trailer = 0x3B;

    private readonly Stream output;
    private readonly int width;
    private readonly int height;
    private readonly MemoryStream encoded = new();

    /// <summary>Writes the header, the screen (no global colour table), "loop forever".</summary>
    public GifWriter(Stream output, int width, int height)
    {
        this.output = output;
        this.width = width;
        this.height = height;
        Span<byte> head = stackalloc byte[13 + 19];
        "GIF89a"u8.CopyTo(head);
        WriteUInt16(head[6..], width);
        WriteUInt16(head[8..], height);
        head[10] = 0x70; // no global table, 8 bits of color resolution
        head[11] = 0;
        head[12] = 0;
        ReadOnlySpan<byte> loop =
        [
            ExtensionIntroducer, 0xFF, 11, (byte)'N', (byte)'E', (byte)'T', (byte)'S', (byte)'C',
            (byte)'A', (byte)'P', (byte)'E', (byte)'2', (byte)'.', (byte)'0', 3, 1, 0, 0, 0,
        ];
        loop.CopyTo(head[13..]);
        output.Write(head);
    }

    /// <summary>Appends one opaque frame: RGBA bytes of shape (height, width, 4), top row
    /// first.</summary>
    /// <param name="delay">How long the frame is shown, in hundredths of a second.</param>
    public void WriteFrame(ReadOnlySpan<byte> rgba, int delay)
    {
        encoded.SetLength(0);
        byte[] palette = WuPalette.Create(rgba);
        var colors = new Color[palette.Length / 3];
        for (int i = 0; i < colors.Length; i++)
        {
            colors[i] = Color.FromRgb(palette[3 * i], palette[(3 * i) + 1], palette[(3 * i) + 2]);
        }

        var encoder = new GifEncoder
        {
            // Each pixel becomes its nearest colour of the frame's palette.
            Quantizer = new PaletteQuantizer(colors, new QuantizerOptions { Dither = null }),
            ColorTableMode = GifColorTableMode.Local,
        };
        using (Image<Rgba32> image = ImageFrames.ToImage(rgba, width, height))
        {
            image.Save(encoded, encoder);
        }

        OneFrame frame = OneFrame.Parse(encoded.GetBuffer().AsSpan(0, (int)encoded.Length));
        Span<byte> control =
        [
            ExtensionIntroducer, GraphicControlLabel, 4,
            (byte)(frame.Transparent is null ? 0 : 1), 0, 0, frame.Transparent ?? 0, 0,
        ];
        WriteUInt16(control[4..], delay);
        output.Write(control);
        Span<byte> descriptor = stackalloc byte[10];
        descriptor.Clear();
        descriptor[0] = ImageSeparator;
        WriteUInt16(descriptor[5..], width);
        WriteUInt16(descriptor[7..], height);
        descriptor[9] = (byte)(0x80 | frame.TableSizeBits);
        output.Write(descriptor);
        output.Write(frame.ColorTable);
        output.Write(frame.ImageData);
    }

    /// <summary>Ends the file (the trailer byte); the stream stays open.</summary>
    public void Finish()
    {
        output.WriteByte(Trailer);
        output.Flush();
    }

    private static void WriteUInt16(Span<byte> target, int value)
    {
        target[0] = (byte)value;
        target[1] = (byte)(value >> 8);
    }

    /// <summary>The pieces of a one-frame GIF that a frame of another GIF reuses.</summary>
    private readonly ref struct OneFrame
    {
        /// <summary>n where the colour table has 2^(n+1) entries.</summary>
        public int TableSizeBits { get; init; }

        public ReadOnlySpan<byte> ColorTable { get; init; }

        public byte? Transparent { get; init; }

        /// <summary>The LZW minimum code size, the data sub-blocks and their terminator.</summary>
        public ReadOnlySpan<byte> ImageData { get; init; }

        /// <exception cref="InvalidDataException">The encoder wrote something else than one
        /// frame with a colour table.</exception>
        public static OneFrame Parse(ReadOnlySpan<byte> gif)
        {
            int at = 13;
            byte screen = gif[10];
            ReadOnlySpan<byte> table = default;
            int bits = 0;
            if ((screen & 0x80) != 0)
            {
                bits = screen & 7;
                table = gif.Slice(at, 3 << (bits + 1));
                at += table.Length;
            }

            byte? transparent = null;
            while (at < gif.Length && gif[at] == ExtensionIntroducer)
            {
                byte label = gif[at + 1];
                if (label == GraphicControlLabel && (gif[at + 3] & 1) != 0)
                {
                    transparent = gif[at + 6];
                }

                at = SkipSubBlocks(gif, at + 2);
            }

            if (at >= gif.Length || gif[at] != ImageSeparator)
            {
                throw new InvalidDataException("the GIF encoder wrote no image descriptor.");
            }

            byte packed = gif[at + 9];
            at += 10;
            if ((packed & 0x80) != 0)
            {
                bits = packed & 7;
                table = gif.Slice(at, 3 << (bits + 1));
                at += table.Length;
            }

            if (table.IsEmpty)
            {
                throw new InvalidDataException("the GIF encoder wrote no colour table.");
            }

            int end = SkipSubBlocks(gif, at + 1);
            return new OneFrame
            {
                TableSizeBits = bits,
                ColorTable = table,
                Transparent = transparent,
                ImageData = gif[at..end],
            };
        }

        /// <summary>The position after the data sub-blocks starting at <paramref name="at"/>.
        /// </summary>
        private static int SkipSubBlocks(ReadOnlySpan<byte> gif, int at)
        {
            while (gif[at] != 0)
            {
                at += gif[at] + 1;
            }

            return at + 1;
        }
    }
}
