using System.Numerics;

namespace GmmGpu.Viewer.Rendering;

/// <summary>Colour maps as 256 RGBA bytes, and the categorical component colours.</summary>
public static class ColorMaps
{
    private static readonly byte[,] ViridisStops =
    {
        { 68, 1, 84 }, { 71, 44, 122 }, { 59, 81, 139 }, { 44, 113, 142 }, { 33, 144, 141 },
        { 39, 173, 129 }, { 92, 200, 99 }, { 170, 220, 50 }, { 253, 231, 37 },
    };

    private static readonly byte[,] Categorical =
    {
        { 31, 119, 180 }, { 255, 127, 14 }, { 44, 160, 44 }, { 214, 39, 40 }, { 148, 103, 189 },
        { 140, 86, 75 }, { 227, 119, 194 }, { 127, 127, 127 }, { 188, 189, 34 }, { 23, 190, 207 },
    };

    /// <summary>
    /// Viridis, 256 entries of RGBA bytes; entry 0 is (68, 1, 84), 255 is (253, 231, 37).
    /// </summary>
    public static byte[] Viridis { get; } = BuildViridis();

    /// <summary>The RGB of viridis at t in [0, 1], as the GPU samples it.</summary>
    public static (byte R, byte G, byte B) ViridisAt(double t)
    {
        int i = (int)Math.Round(Math.Clamp(t, 0, 1) * 255);
        return (Viridis[i * 4], Viridis[(i * 4) + 1], Viridis[(i * 4) + 2]);
    }

    /// <summary>The component colours (tab10) as RGBA bytes, component k at entry k.</summary>
    public static byte[] Components { get; } = BuildComponents();

    /// <summary>Component k's colour (tab10), alpha 1.</summary>
    public static Vector4 Component(int k)
    {
        int i = k % Categorical.GetLength(0);
        return new Vector4(
            Categorical[i, 0] / 255f, Categorical[i, 1] / 255f, Categorical[i, 2] / 255f, 1);
    }

    private static byte[] BuildComponents()
    {
        int count = Categorical.GetLength(0);
        var rgba = new byte[count * 4];
        for (int i = 0; i < count; i++)
        {
            (rgba[4 * i], rgba[(4 * i) + 1], rgba[(4 * i) + 2], rgba[(4 * i) + 3]) =
                (Categorical[i, 0], Categorical[i, 1], Categorical[i, 2], 255);
        }

        return rgba;
    }

    private static byte[] BuildViridis()
    {
        var map = new byte[256 * 4];
        int segments = ViridisStops.GetLength(0) - 1;
        for (int i = 0; i < 256; i++)
        {
            double position = i / 255.0 * segments;
            int s = Math.Min((int)position, segments - 1);
            double f = position - s;
            for (int c = 0; c < 3; c++)
            {
                double value = (ViridisStops[s, c] * (1 - f)) + (ViridisStops[s + 1, c] * f);
                map[(i * 4) + c] = (byte)Math.Round(value);
            }

            map[(i * 4) + 3] = 255;
        }

        return map;
    }
}
