using System.Globalization;
using GmmGpu.Viewer;

namespace GmmGpu.Cli;

/// <summary>Parses the viewer's options: --view-kind / --kind and --size WxH.</summary>
internal static class ViewOptions
{
    public const int DefaultWidth = 800;
    public const int DefaultHeight = 600;

    /// <summary>
    /// Most components a picture draws: each is an ellipse, a legend entry and a term of every
    /// density pixel, so a frame costs about 2 ms and 0.2 MB a component (K = 200000 would take
    /// minutes and tens of GB).
    /// </summary>
    public const int MaxComponents = 1000;

    private static readonly Dictionary<string, ViewKind> Kinds =
        new(StringComparer.OrdinalIgnoreCase)
    {
        ["heatmap"] = ViewKind.HeatMap, ["points"] = ViewKind.Points,
        ["histogram"] = ViewKind.Histogram, ["surface"] = ViewKind.Surface,
        ["curves"] = ViewKind.Curves, ["dashboard"] = ViewKind.Dashboard,
    };

    /// <summary>The views' names, as --view-kind and --kind take them.</summary>
    public static IEnumerable<string> KindNames => Kinds.Keys;

    /// <summary>The name --view-kind and --kind take for <paramref name="kind"/>.</summary>
    public static string KindName(ViewKind kind) => Kinds.First(pair => pair.Value == kind).Key;

    /// <summary>Why a model of <paramref name="components"/> is not drawn, or null.</summary>
    public static string? TooManyComponents(int components) => components <= MaxComponents
        ? null
        : CommandSupport.Format($"pictures draw at most {MaxComponents} components (each is ")
            + CommandSupport.Format($"an ellipse and a term of every pixel); this model has ")
            + CommandSupport.Format($"{components}. Fit fewer components to draw them.");

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

    private static readonly Dictionary<string, ColorBy> Colorings =
        new(StringComparer.OrdinalIgnoreCase)
    {
        ["density"] = ColorBy.Density, ["component"] = ColorBy.Component,
    };

    /// <summary>"density" | "component"; null gives density.</summary>
    public static ColorBy ParseColorBy(string? text)
    {
        if (text is null)
        {
            return ColorBy.Density;
        }

        return Colorings.TryGetValue(text, out ColorBy colorBy)
            ? colorBy
            : throw new UsageException(
                $"--color-by \"{text}\" is not a colouring; use density | component");
    }

    /// <summary>"auto" | "equal"; null gives auto.</summary>
    public static Aspect ParseAspect(string? text) => text?.ToLowerInvariant() switch
    {
        null or "auto" => Aspect.Auto,
        "equal" => Aspect.Equal,
        _ => throw new UsageException($"--aspect \"{text}\" is not an aspect; use auto | equal"),
    };

    /// <summary>"X0,X1,Y0,Y1" with X0 &lt; X1 and Y0 &lt; Y1; null gives null (no zoom).</summary>
    public static DataWindow? ParseWindow(string? text)
    {
        if (text is null)
        {
            return null;
        }

        double[] v = [.. text.Split(',', StringSplitOptions.TrimEntries)
            .Select(p => double.TryParse(p, NumberStyles.Float, CultureInfo.InvariantCulture,
                out double x) && double.IsFinite(x) ? x : double.NaN)];
        return v.Length == 4 && v[0] < v[1] && v[2] < v[3]
            ? new DataWindow(v[0], v[1], v[2], v[3])
            : throw new UsageException(
                $"--window \"{text}\" is not X0,X1,Y0,Y1 with X0 < X1 and Y0 < Y1, e.g. -1,1,0,2");
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

    /// <summary>"I,J": the two features a 2-D view draws; null gives 0,1.</summary>
    public static (int X, int Y) ParseDims(string option, string? text, int features)
    {
        if (text is null)
        {
            return (0, Math.Min(1, features - 1));
        }

        string[] parts = text.Split(',', StringSplitOptions.TrimEntries);
        if (parts.Length == 2
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out int x)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out int y)
            && x < features && y < features && (x != y || features == 1))
        {
            return (x, y);
        }

        throw new UsageException($"{option} \"{text}\" is not two different feature indices "
            + $"in 0..{features - 1} or pca, e.g. 0,1");
    }

    /// <summary>
    /// Checks "I,J" or "pca" (the top two principal axes) against the data's features before
    /// any work is done.
    /// </summary>
    public static void CheckDims(string option, string? text, int features)
    {
        if (!IsPrincipalAxes(text))
        {
            ParseDims(option, text, features);
        }
        else if (features < 2)
        {
            // 1-D data has one axis: its histogram is drawn as it is.
            throw new UsageException($"{option} pca needs 2 or more features; the data has 1 "
                + $"(leave {option} out to draw its histogram)");
        }
    }

    /// <summary>
    /// The data of the views: the "I,J" pair of features, or with "pca" the data projected
    /// onto its top two principal axes (the model is projected onto them as it is drawn).
    /// </summary>
    /// <param name="option">The option that gave <paramref name="dims"/>.</param>
    /// <param name="data">The data, as read.</param>
    /// <param name="dims">"I,J", "pca" or null.</param>
    /// <param name="seed">Seeds the rows a zoomed-in points view draws.</param>
    public static PlotData PlotData(
        string option, GmmGpu.Data.LoadedData data, string? dims, int seed = 0)
    {
        CheckDims(option, dims, data.Features);
        if (IsPrincipalAxes(dims))
        {
            return Viewer.PlotData.OnPrincipalAxes(
                data.Values, data.Features, data.Origin, seed);
        }

        (int x, int y) = ParseDims(option, dims, data.Features);
        return new PlotData(data.Values, data.Features, x, y)
        {
            XName = data.ColumnNames[x],
            YName = data.ColumnNames[y],
            Origin = data.Origin,
            SampleSeed = seed,
        };
    }

    private static bool IsPrincipalAxes(string? text) =>
        string.Equals(text?.Trim(), "pca", StringComparison.OrdinalIgnoreCase);
}
