using System.CommandLine;
using GmmGpu.Cli.Parsing;
using GmmGpu.Viewer;

namespace GmmGpu.Cli;

/// <summary>How a picture is drawn: the view, its size, features, colours and aspect.</summary>
internal sealed record ViewChoices(
    ViewKind? Kind, (int Width, int Height) Size, string? Dims, ColorBy ColorBy, Aspect Aspect);

/// <summary>
/// The options of the commands that draw (<c>fit --export/--view</c>, <c>plot</c>): the view
/// (<c>--view-kind</c> / <c>--kind</c>), <c>--size</c>, the features (<c>--view-dims</c> /
/// <c>--dims</c>), <c>--color-by</c> and <c>--aspect</c>.
/// </summary>
internal sealed class ViewCommandLine
{
    private readonly Option<ViewKind?> kind;
    private readonly Option<(int Width, int Height)?> size;
    private readonly Option<string?> dims;
    private readonly Option<ColorBy?> colorBy;
    private readonly Option<Aspect?> aspect;

    /// <param name="kindName">The view option's name.</param>
    /// <param name="dimsName">The features option's name.</param>
    /// <param name="drawing">What these options draw, for their descriptions.</param>
    public ViewCommandLine(string kindName, string dimsName, string drawing)
    {
        kind = GmmOptions.Parsed(
            kindName,
            "KIND",
            $"the view of {drawing}: {string.Join(" | ", ViewOptions.KindNames)}; dashboard "
            + "draws heat map, points, surface and curves at once (1-D: histogram and curves) "
            + "(default heatmap, histogram for 1-D data)",
            ViewOptions.ParseKind);
        GmmOptions.Complete(kind, ViewOptions.KindNames);
        size = GmmOptions.Parsed<(int, int)?>(
            "--size",
            "WxH",
            $"pixels of {drawing}, each side 1..{MixtureRenderer.MaxSize} (default "
            + $"{ViewOptions.DefaultWidth}x{ViewOptions.DefaultHeight})",
            (_, text) => ViewOptions.ParseSize(text));
        dims = GmmOptions.Text(
            dimsName,
            "I,J|pca",
            "the two features a 2-D view draws (default 0,1), or pca: the data's top two "
            + "principal axes (needs 2+ features); the density shown is the mixture's "
            + "marginal on them");
        colorBy = GmmOptions.Parsed<ColorBy?>(
            "--color-by",
            null,
            "the points view's colours: counts, or each bin's most likely component "
            + "(default density)",
            (_, text) => ViewOptions.ParseColorBy(text));
        GmmOptions.Complete(colorBy, ["density", "component"]);
        aspect = GmmOptions.Parsed<Aspect?>(
            "--aspect",
            null,
            "equal: one unit of data is the same length on both axes of the heat map, points "
            + "and surface (a round component looks round); auto: each axis fills the plot "
            + "(default auto)",
            (_, text) => ViewOptions.ParseAspect(text));
        GmmOptions.Complete(aspect, ["auto", "equal"]);
    }

    public void AddTo(Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        command.Add(kind);
        command.Add(size);
        command.Add(dims);
        command.Add(colorBy);
        command.Add(aspect);
    }

    public ViewChoices Read(ParseResult parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        return new ViewChoices(
            parse.GetValue(kind),
            parse.GetValue(size) ?? (ViewOptions.DefaultWidth, ViewOptions.DefaultHeight),
            parse.GetValue(dims),
            parse.GetValue(colorBy) ?? ColorBy.Density,
            parse.GetValue(aspect) ?? Aspect.Auto);
    }
}
