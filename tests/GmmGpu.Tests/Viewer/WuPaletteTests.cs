using GmmGpu.Viewer.Export;
using Xunit;

namespace GmmGpu.Tests.Viewer;

/// <summary>The GIF frames' palettes: Wu's quantizer on opaque RGB.</summary>
public sealed class WuPaletteTests
{
    [Fact]
    public void Create_FewColorsInTheirOwnBins_KeepsEachExactly()
    {
        // 200 colours, no two in one bin of 8 levels a channel, each on 1 to 5 pixels.
        var random = new Random(3);
        var colors = new HashSet<(byte, byte, byte)>();
        var bins = new HashSet<int>();
        while (colors.Count < 200)
        {
            var c = ((byte)random.Next(256), (byte)random.Next(256), (byte)random.Next(256));
            if (bins.Add(((c.Item1 >> 3) << 10) | ((c.Item2 >> 3) << 5) | (c.Item3 >> 3)))
            {
                colors.Add(c);
            }
        }

        var rgba = new List<byte>();
        foreach ((byte r, byte g, byte b) in colors)
        {
            for (int n = random.Next(1, 6); n > 0; n--)
            {
                rgba.AddRange([r, g, b, 255]);
            }
        }

        byte[] palette = WuPalette.Create(rgba.ToArray());

        Assert.Equal(colors.OrderBy(c => c), Colors(palette).OrderBy(c => c));
    }

    [Fact]
    public void Create_OneColor_IsThatColor()
    {
        byte[] rgba =
            [.. Enumerable.Repeat(new byte[] { 12, 200, 77, 255 }, 500).SelectMany(p => p)];

        Assert.Equal([12, 200, 77], WuPalette.Create(rgba));
    }

    [Theory]
    [InlineData(256, 100, 4)] // a colour per bin that the curve crosses: within half a bin
    [InlineData(64, 64, 8)]
    public void Create_SmoothRamp_EveryPixelNearItsNearestColor(
        int most, int least, int tolerance)
    {
        // 4096 colours along a curve through RGB, like a colour map's ramp with shading.
        var rgba = new byte[4096 * 4];
        for (int i = 0; i < 4096; i++)
        {
            double t = i / 4095.0;
            rgba[4 * i] = (byte)Math.Round(255 * t);
            rgba[(4 * i) + 1] = (byte)Math.Round(255 * Math.Sin(Math.PI * t));
            rgba[(4 * i) + 2] = (byte)Math.Round(255 * (1 - (t * t)));
            rgba[(4 * i) + 3] = 255;
        }

        byte[] palette = WuPalette.Create(rgba, most);

        Assert.InRange(palette.Length / 3, least, most);
        for (int i = 0; i < rgba.Length; i += 4)
        {
            int nearest = Colors(palette).Min(c => Math.Max(Math.Abs(c.R - rgba[i]),
                Math.Max(Math.Abs(c.G - rgba[i + 1]), Math.Abs(c.B - rgba[i + 2]))));
            Assert.True(nearest <= tolerance, $"pixel {i / 4} is {nearest} from the palette");
        }
    }

    [Fact]
    public void Create_MostOutOfRange_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => WuPalette.Create(new byte[4], 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => WuPalette.Create(new byte[4], 257));
    }

    private static IEnumerable<(byte R, byte G, byte B)> Colors(byte[] palette) =>
        Enumerable.Range(0, palette.Length / 3)
            .Select(i => (palette[3 * i], palette[(3 * i) + 1], palette[(3 * i) + 2]));
}
