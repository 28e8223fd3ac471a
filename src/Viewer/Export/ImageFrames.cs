using GmmGpu.Files;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace GmmGpu.Viewer.Export;

/// <summary>RGBA frames as ImageSharp images and PNG files.</summary>
public static class ImageFrames
{
    /// <summary>An image of one frame: <paramref name="rgba"/> is RGBA bytes of shape
    /// (<paramref name="height"/>, <paramref name="width"/>, 4), top row first.</summary>
    public static Image<Rgba32> ToImage(ReadOnlySpan<byte> rgba, int width, int height) =>
        Image.LoadPixelData<Rgba32>(rgba, width, height);

    /// <summary>Writes one RGBA frame as a PNG, atomically.</summary>
    public static void SavePng(string path, ReadOnlySpan<byte> rgba, int width, int height)
    {
        using OutputFile output = PreparePng(path, rgba, width, height);
        output.Commit();
    }

    /// <summary>The PNG of one RGBA frame written beside <paramref name="path"/>, not yet
    /// moved in place (<see cref="OutputFile.Prepare"/>).</summary>
    internal static OutputFile PreparePng(
        string path, ReadOnlySpan<byte> rgba, int width, int height)
    {
        using Image<Rgba32> image = ToImage(rgba, width, height);
        return OutputFile.Prepare(path, stream => image.SaveAsPng(stream));
    }
}
