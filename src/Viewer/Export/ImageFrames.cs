using GmmGpu.Files;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace GmmGpu.Viewer.Export;

/// <summary>RGBA frames as ImageSharp images and PNG files.</summary>
public static class ImageFrames
{
    public static Image<Rgba32> ToImage(ReadOnlySpan<byte> rgba, int width, int height) =>
        Image.LoadPixelData<Rgba32>(rgba, width, height);

    /// <summary>Writes one RGBA frame as a PNG, atomically.</summary>
    public static void SavePng(string path, ReadOnlySpan<byte> rgba, int width, int height)
    {
        using Image<Rgba32> image = ToImage(rgba, width, height);
        OutputFile.Write(path, stream => image.SaveAsPng(stream));
    }
}
