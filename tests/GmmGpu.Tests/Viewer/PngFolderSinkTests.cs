using GmmGpu.Tests.Data;
using GmmGpu.Viewer.Export;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;
using Xunit;

namespace GmmGpu.Tests.Viewer;

/// <summary>A folder of PNG frames: one export's frames, whole, or the folder as it was.</summary>
public sealed class PngFolderSinkTests
{
    private const int Width = 8, Height = 6;

    [Fact]
    public void Complete_OverALongerExport_LeavesOnlyTheNewFramesAndOtherFiles()
    {
        using var files = new TestFiles();
        string folder = files.PathOf("frames");
        Export(folder, frames: 5, shade: 10);
        files.WriteText("frames/notes.txt", "mine");
        files.WriteText("frames/frame-1.png", "not a frame of ours");

        Export(folder, frames: 3, shade: 200);

        string[] names = [.. Directory.GetFiles(folder).Select(Path.GetFileName).Order()!];
        Assert.Equal(
            ["frame-00001.png", "frame-00002.png", "frame-00003.png", "frame-1.png", "notes.txt"],
            names);
        Assert.Equal(200, FirstRed(Path.Combine(folder, "frame-00003.png")));
    }

    [Fact]
    public void Dispose_BeforeComplete_LeavesTheFolderAsItWas()
    {
        using var files = new TestFiles();
        string folder = files.PathOf("frames");
        Export(folder, frames: 2, shade: 10);
        byte[] before = File.ReadAllBytes(Path.Combine(folder, "frame-00001.png"));

        using (FrameSink sink = FrameSink.Create(folder, Width, Height))
        {
            sink.Add(Frame(200));
            sink.Add(Frame(200));
            sink.Add(Frame(200));
        }

        Assert.Equal(["frame-00001.png", "frame-00002.png"],
            Directory.GetFiles(folder).Select(Path.GetFileName).Order());
        Assert.Equal(before, File.ReadAllBytes(Path.Combine(folder, "frame-00001.png")));
    }

    [Fact]
    public void Dispose_BeforeComplete_RemovesTheFolderItMade()
    {
        using var files = new TestFiles();
        string folder = files.PathOf("new-frames");

        using (FrameSink sink = FrameSink.Create(folder, Width, Height))
        {
            sink.Add(Frame(1));
        }

        Assert.False(Directory.Exists(folder));
        Assert.Empty(Directory.EnumerateFileSystemEntries(files.Folder));
    }

    [Theory]
    [InlineData("frame-00001.png", 1)]
    [InlineData("frame-123456.png", 123456)]
    [InlineData("frame-1.png", null)]
    [InlineData("frame-0000a.png", null)]
    [InlineData("frame-00001.png.tmp", null)]
    [InlineData("other-00001.png", null)]
    public void FrameNumber_OnlyOfOurNames(string name, int? number) =>
        Assert.Equal(number, PngFolderSink.FrameNumber(name));

    private static void Export(string folder, int frames, byte shade)
    {
        using FrameSink sink = FrameSink.Create(folder, Width, Height);
        for (int i = 0; i < frames; i++)
        {
            sink.Add(Frame(shade));
        }

        sink.Complete();
    }

    private static byte[] Frame(byte red) =>
        [.. Enumerable.Range(0, Width * Height).SelectMany(_ => new byte[] { red, 50, 90, 255 })];

    private static byte FirstRed(string png)
    {
        using var image = Image.Load<Rgba32>(png);
        return image[0, 0].R;
    }
}
