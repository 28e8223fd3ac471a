using GmmGpu.Tests.Data;
using GmmGpu.Viewer.Export;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Gif;
using SixLabors.ImageSharp.PixelFormats;
using Xunit;

namespace GmmGpu.Tests.Viewer;

public sealed class GifSinkTests
{
    private const int Width = 97;
    private const int Height = 61;

    [Fact]
    public void Gif_ThreeFrames_DecodeToTheirOwnColorsInOrder()
    {
        using var files = new TestFiles();
        string path = files.PathOf("three.gif");
        byte[][] frames = [Frame(200, 10, 10), Frame(10, 200, 10), Frame(10, 10, 200)];
        using (FrameSink sink = FrameSink.Create(path, Width, Height))
        {
            foreach (byte[] frame in frames)
            {
                sink.Add(frame);
            }

            sink.Complete();
        }

        using Image<Rgba32> gif = Image.Load<Rgba32>(path);
        Assert.Equal(3, gif.Frames.Count);
        Assert.Equal(0, gif.Metadata.GetGifMetadata().RepeatCount);
        for (int f = 0; f < frames.Length; f++)
        {
            ImageFrame<Rgba32> decoded = gif.Frames[f];
            Assert.Equal(100 / FrameSink.FramesPerSecond,
                decoded.Metadata.GetGifMetadata().FrameDelay);
            foreach ((int x, int y) in new[] { (0, 0), (Width - 1, Height - 1), (40, 30) })
            {
                int i = ((y * Width) + x) * 4;
                Rgba32 pixel = decoded[x, y];
                Assert.Equal(frames[f][i], pixel.R);
                Assert.Equal(frames[f][i + 1], pixel.G);
                Assert.Equal(frames[f][i + 2], pixel.B);
            }
        }

        Assert.Single(Directory.GetFiles(Path.GetDirectoryName(path)!));
    }

    [Fact]
    public void Gif_FrameOfThousandsOfColors_DecodesCloseToIt()
    {
        // Two ramps across the frame: 97 × 61 colours, far more than a frame's 256.
        var rgba = new byte[Width * Height * 4];
        for (int y = 0; y < Height; y++)
        {
            for (int x = 0; x < Width; x++)
            {
                int i = ((y * Width) + x) * 4;
                (rgba[i], rgba[i + 1], rgba[i + 2], rgba[i + 3]) =
                    ((byte)(255 * x / (Width - 1)), (byte)(255 * y / (Height - 1)), 90, 255);
            }
        }

        using var files = new TestFiles();
        string path = files.PathOf("ramps.gif");
        using (FrameSink sink = FrameSink.Create(path, Width, Height))
        {
            sink.Add(rgba);
            sink.Complete();
        }

        using Image<Rgba32> gif = Image.Load<Rgba32>(path);
        var decoded = new byte[rgba.Length];
        gif.Frames.RootFrame.CopyPixelDataTo(decoded);
        int[] errors = [.. Enumerable.Range(0, rgba.Length).Where(i => i % 4 != 3)
            .Select(i => Math.Abs(decoded[i] - rgba[i]))];
        // 256 colours over ramps of 256 levels in R and in G: each colour stands for about 16 × 16
        // of them, so R and G are off by 4 on average (B, constant, by 0) and by 8 at most.
        Assert.True(errors.Average() < 3, $"mean error {errors.Average()}");
        Assert.True(errors.Max() <= 8, $"largest error {errors.Max()}");
    }

    [Fact]
    public void Gif_DisposedBeforeComplete_LeavesNoFile()
    {
        using var files = new TestFiles();
        string path = files.PathOf("dropped.gif");
        using (FrameSink sink = FrameSink.Create(path, Width, Height))
        {
            sink.Add(Frame(1, 2, 3));
        }

        Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(path)!));
    }

    /// <summary>A frame of a few colours: a background, a diagonal band, a square.</summary>
    private static byte[] Frame(byte r, byte g, byte b)
    {
        var rgba = new byte[Width * Height * 4];
        for (int y = 0; y < Height; y++)
        {
            for (int x = 0; x < Width; x++)
            {
                int i = ((y * Width) + x) * 4;
                (byte pr, byte pg, byte pb) = Math.Abs(x - y) < 5 ? ((byte)0, (byte)0, (byte)0)
                    : x is > 35 and < 45 && y is > 25 and < 35 ? ((byte)255, (byte)255, (byte)255)
                    : (r, g, b);
                (rgba[i], rgba[i + 1], rgba[i + 2], rgba[i + 3]) = (pr, pg, pb, 255);
            }
        }

        return rgba;
    }
}
