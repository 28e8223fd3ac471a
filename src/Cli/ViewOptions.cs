using System.Globalization;
using GmmGpu.Viewer;

namespace GmmGpu.Cli;

/// <summary>Parses the viewer's options: --view-kind / --kind and --size WxH.</summary>
internal static class ViewOptions
{
    public const int DefaultWidth = 800;
    public const int DefaultHeight = 600;

    private static readonly Dictionary<string, ViewKind> Kinds =
        new(StringComparer.OrdinalIgnoreCase)
    {
        ["heatmap"] = ViewKind.HeatMap, ["points"] = ViewKind.Points,
        ["histogram"] = ViewKind.Histogram, ["surface"] = ViewKind.Surface,
        ["curves"] = ViewKind.Curves,
    };

    /// <summary>
    /// The view named <paramref name="text"/>; null gives heatmap (histogram for 1-D data).
    /// </summary>
    public static ViewKind? ParseKind(string option, string? text)
    {
        if (text is null)
        {
            return null;
        }

        return Kinds.TryGetValue(text, out ViewKind kind)
            ? kind
            : throw new UsageException(
                $"{option} \"{text}\" is not a view; use one of {string.Join(" | ", Kinds.Keys)}");
    }

    public static ViewKind DefaultKind(int features) =>
        features == 1 ? ViewKind.Histogram : ViewKind.HeatMap;

    /// <summary>"WxH" with each side in [1, 8192]; null gives 800x600.</summary>
    public static (int Width, int Height) ParseSize(string? text)
    {
        if (text is null)
        {
            return (DefaultWidth, DefaultHeight);
        }

        string[] parts = text.Split('x', 'X');
        if (parts.Length == 2
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out int w)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out int h)
            && w is >= 1 and <= MixtureRenderer.MaxSize && h is >= 1 and <= MixtureRenderer.MaxSize)
        {
            return (w, h);
        }

        throw new UsageException(
            $"--size \"{text}\" is not WxH with sides 1..{MixtureRenderer.MaxSize} "
            + "(e.g. 1280x720)");
    }
}
