using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Gif;
using SixLabors.ImageSharp.PixelFormats;
using SixLabors.ImageSharp.Processing.Processors.Quantization;

namespace GmmGpu.Viewer.Export;

/// <summary>An animated GIF: a Wu-quantised palette per frame, no dithering, looping.</summary>
internal sealed class GifSink(string path, int width, int height) : FrameSink(width, height)
{
    private readonly List<byte[]> frames = [];

    public override void Complete()
    {
        using var gif = new Image<Rgba32>(Width, Height);
        gif.Metadata.GetGifMetadata().RepeatCount = 0;
        foreach (byte[] frame in frames)
        {
            using Image<Rgba32> image = ImageFrames.ToImage(frame, Width, Height);
            image.Frames.RootFrame.Metadata.GetGifMetadata().FrameDelay = 100 / FramesPerSecond;
            gif.Frames.AddFrame(image.Frames.RootFrame);
        }

        if (gif.Frames.Count > 1)
        {
            gif.Frames.RemoveFrame(0);
        }

        var encoder = new GifEncoder
        {
            Quantizer = new WuQuantizer(new QuantizerOptions { Dither = null }),
            ColorTableMode = GifColorTableMode.Local,
        };
        AtomicFile.Write(path, stream => gif.Save(stream, encoder));
    }

    protected override void AddFrame(ReadOnlySpan<byte> rgba) => frames.Add(rgba.ToArray());
}
