using System.Buffers.Binary;
using System.Text;
using GmmGpu.Tests.Data;
using Xunit;

namespace GmmGpu.Tests.Cli;

/// <summary><c>gmm segment</c> on the images users have: valid, truncated and empty.</summary>
public class SegmentImageInputTests
{
    [Theory]
    [InlineData("in.png")]
    [InlineData("in.jpg")]
    public void Segment_ValidImage_RecoversRegions(string name)
    {
        using var files = new TestFiles();
        string image = files.PathOf(name), output = files.PathOf("out.png");
        string labels = files.PathOf("labels.csv");
        int[] truth = ToolCommandTests.WriteRegionsImage(image, 64, 48);

        CliResult result = CliResult.Run("segment", image, "-k", "3", "--seed", "1", "-o", output,
            "--labels", labels, "--device", "cpu", "--quiet");

        ToolCommandTests.Ok(result);
        double agreement = ToolCommandTests.Agreement(
            truth, ToolCommandTests.ReadColumn(labels), 3);
        Assert.True(agreement >= 0.98, $"agreement {agreement}");
    }

    [Theory]
    [InlineData("half.png")]
    [InlineData("half.jpg")]
    public void Segment_TruncatedImage_FailsWithOneLine(string name)
    {
        using var files = new TestFiles();
        string image = files.PathOf(name), output = files.PathOf("out.png");
        ToolCommandTests.WriteRegionsImage(image, 64, 48);
        byte[] bytes = File.ReadAllBytes(image);
        File.WriteAllBytes(image, bytes[..(bytes.Length / 2)]);

        CliResult result = CliResult.Run("segment", image, "-k", "3", "-o", output, "--quiet");

        AssertFailed(result, $"{image} is truncated", output);
    }

    [Fact]
    public void Segment_ZeroByZeroPng_FailsWithOneLine()
    {
        using var files = new TestFiles();
        string image = files.PathOf("empty.png"), output = files.PathOf("out.png");
        File.WriteAllBytes(image, ZeroByZeroPng());

        CliResult result = CliResult.Run("segment", image, "-k", "1", "-o", output, "--quiet");

        AssertFailed(result, $"{image} is truncated or has no pixels", output);
    }

    /// <summary>A PNG whose header says 0 x 0 pixels (8-bit RGB), with valid CRCs.</summary>
    private static byte[] ZeroByZeroPng()
    {
        var png = new List<byte>([0x89, (byte)'P', (byte)'N', (byte)'G', 13, 10, 26, 10]);
        // width 0, height 0, bit depth 8, colour type 2 (RGB), compression, filter, interlace
        AddChunk(png, "IHDR", [0, 0, 0, 0, 0, 0, 0, 0, 8, 2, 0, 0, 0]);
        AddChunk(png, "IEND", []);
        return [.. png];
    }

    private static void AddChunk(List<byte> png, string type, byte[] data)
    {
        var word = new byte[4];
        BinaryPrimitives.WriteInt32BigEndian(word, data.Length);
        png.AddRange(word);
        byte[] typed = [.. Encoding.ASCII.GetBytes(type), .. data];
        png.AddRange(typed);
        BinaryPrimitives.WriteUInt32BigEndian(word, Crc32(typed));
        png.AddRange(word);
    }

    /// <summary>The PNG chunk CRC (ISO 3309, reflected polynomial 0xEDB88320).</summary>
    private static uint Crc32(byte[] bytes)
    {
        uint crc = 0xFFFFFFFF;
        foreach (byte b in bytes)
        {
            crc ^= b;
            for (int bit = 0; bit < 8; bit++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320 : crc >> 1;
            }
        }

        return ~crc;
    }

    private static void AssertFailed(CliResult result, string message, string output)
    {
        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("gmm: error: ", result.Stderr, StringComparison.Ordinal);
        Assert.Contains(message, result.Stderr, StringComparison.Ordinal);
        Assert.Single(result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.False(File.Exists(output), $"{output} was written");
        Assert.Empty(Directory.EnumerateFiles(Path.GetDirectoryName(output)!, "*.tmp"));
    }
}
