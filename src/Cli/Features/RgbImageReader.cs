using GmmGpu.Data;
using SixLabors.ImageSharp.PixelFormats;
using SkiaSharp;

namespace GmmGpu.Cli.Features;

/// <summary>Decodes a user's PNG or JPEG file into 8-bit RGB pixels.</summary>
/// <remarks>
/// Skia's codecs report a file that ends early (<see cref="SKCodecResult.IncompleteInput"/>),
/// which a decoder that fills the missing rows with grey would hide.
/// </remarks>
internal static class RgbImageReader
{
    /// <summary>
    /// Reads <paramref name="path"/> as pixels, shape (Height, Width), row-major; any
    /// alpha channel is dropped from unpremultiplied colours, and no colour profile is applied.
    /// </summary>
    /// <exception cref="DataFormatException">The file is missing, truncated, not a PNG or
    /// JPEG image, or has no pixels.</exception>
    public static (Rgb24[] Pixels, int Width, int Height) Read(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (!File.Exists(path))
        {
            throw new DataFormatException($"{path} does not exist.");
        }

        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        using SKCodec? codec = SKCodec.Create(stream, out SKCodecResult opened);
        if (codec is null)
        {
            // Skia says "incomplete input" both for a file cut inside its header and, from
            // libpng, for a header that declares 0 x 0 pixels: the two cannot be told apart.
            throw new DataFormatException(
                opened == SKCodecResult.IncompleteInput && StartsLikeImage(path)
                    ? $"{path} is truncated or has no pixels: it ends before its image header is "
                        + "whole, or the header declares 0 x 0 pixels."
                    : $"{path} is not a PNG or JPEG image, or has no pixels ({opened}).");
        }

        int width = codec.Info.Width, height = codec.Info.Height;
        if (width <= 0 || height <= 0)
        {
            throw new DataFormatException($"{path} has no pixels ({width} x {height}).");
        }

        if ((long)width * height * 4 > Array.MaxLength)
        {
            throw new DataFormatException(
                $"{path} is too large: {width} x {height} pixels.");
        }

        var info = new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Unpremul);
        var rgba = new byte[info.BytesSize64];
        SKCodecResult decoded = codec.GetPixels(info, rgba);
        if (decoded == SKCodecResult.IncompleteInput)
        {
            throw new DataFormatException(
                $"{path} is truncated: the image data ends before its last row.");
        }

        if (decoded != SKCodecResult.Success)
        {
            throw new DataFormatException($"{path} could not be decoded ({decoded}).");
        }

        var pixels = new Rgb24[width * height];
        for (int i = 0; i < pixels.Length; i++)
        {
            pixels[i] = new Rgb24(rgba[i * 4], rgba[(i * 4) + 1], rgba[(i * 4) + 2]);
        }

        return (pixels, width, height);
    }

    /// <summary>True when the file begins with the PNG signature or a JPEG's start marker.
    /// </summary>
    private static bool StartsLikeImage(string path)
    {
        Span<byte> head = stackalloc byte[8];
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        int read = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        ReadOnlySpan<byte> png = [0x89, (byte)'P', (byte)'N', (byte)'G', 13, 10, 26, 10];
        ReadOnlySpan<byte> jpeg = [0xFF, 0xD8, 0xFF];
        return head[..read].SequenceEqual(png) || head[..read].StartsWith(jpeg);
    }
}
