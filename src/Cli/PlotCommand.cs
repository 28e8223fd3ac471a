using GmmGpu.Backends;
using GmmGpu.Data;
using GmmGpu.Viewer;
using GmmGpu.Viewer.Export;

namespace GmmGpu.Cli;

/// <summary>
/// <c>gmm plot MODEL.json DATA --kind K -o out.png</c>: draws a fitted model over data.
/// </summary>
internal static class PlotCommand
{
    public const string Help = """
        usage: gmm plot MODEL.json DATA -o OUT.png [options]

        Draws a fitted model over its data into a PNG, off-screen (OpenGL through EGL + Mesa).

        options:
          --kind KIND       heatmap | points | histogram | surface | curves | dashboard
                            (several views at once) (default heatmap, histogram for
                            1-D data)
          -o, --output PNG  the picture to write (the folder must exist)
          --size WxH        pixels, each side 1..8192 (default 800x600)
          --columns A,B     columns of DATA to use, by header name or 0-based index
          --dims I,J | pca  the two features a 2-D view draws (default 0,1), or pca: the
                            data's top two principal axes (PC1, PC2; needs 2+ features);
                            the density shown is the mixture's marginal on them
          --color-by WHAT   density | component: the points view's colours, counts or
                            each bin's most likely component (default density)
          --aspect auto|equal
                            heatmap, points, surface: equal draws one unit of data as
                            the same length on both axes, so a round component looks
                            round (default auto: each axis fills the plot)
          --window X0,X1,Y0,Y1
                            points view: zoom in on this region of the two features and
                            draw a random sample of up to 100,000 points one by one
          --seed S          seed of that sample (default 0): the same seed draws the
                            same points
          -h, --help        this text

        example:
          gmm plot model.json points.npy --kind points -o fit.png --size 1280x720
        """;

    private static readonly Dictionary<string, string> ValueOptions = new(StringComparer.Ordinal)
    {
        ["--kind"] = "--kind", ["-o"] = "-o", ["--output"] = "-o", ["--size"] = "--size",
        ["--columns"] = "--columns", ["--dims"] = "--dims", ["--color-by"] = "--color-by",
        ["--aspect"] = "--aspect",
        ["--window"] = "--window", ["--seed"] = "--seed",
    };

    private static readonly Dictionary<string, string> FlagOptions = new(StringComparer.Ordinal)
    {
        ["-h"] = "--help", ["--help"] = "--help",
    };

    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var line = CommandLine.Parse(args, ValueOptions, FlagOptions);
        if (line.Has("--help"))
        {
            stdout.Write(Help);
            return 0;
        }

        if (line.Positional.Count != 2)
        {
            throw new UsageException("plot takes MODEL.json and DATA");
        }

        string output = line.Get("-o") ?? throw new UsageException("plot needs -o OUT.png");
        ViewKind? kind = ViewOptions.ParseKind("--kind", line.Get("--kind"));
        (int width, int height) = ViewOptions.ParseSize(line.Get("--size"));
        ColorBy colorBy = ViewOptions.ParseColorBy(line.Get("--color-by"));
        DataWindow? window = ViewOptions.ParseWindow(line.Get("--window"));
        int seed = line.GetInt("--seed", int.MinValue) ?? 0;
        Aspect aspect = ViewOptions.ParseAspect(line.Get("--aspect"));
        if (!output.EndsWith(".png", StringComparison.OrdinalIgnoreCase))
        {
            throw new UsageException($"-o {output}: plot writes PNG; give a name ending in .png");
        }

        CommandSupport.CheckOutput(output);
        CommandSupport.CheckDistinct(line.Positional, ("-o", output));
        GaussianMixtureModel model = GaussianMixtureModel.Load(line.Positional[0]);
        if (ViewOptions.TooManyComponents(model.Components) is { } tooMany)
        {
            throw new DataFormatException($"{line.Positional[0]}: {tooMany}");
        }

        if (kind == ViewKind.Curves && model.History.Count == 0)
        {
            throw new DataFormatException($"{line.Positional[0]} has no fit history (the "
                + "log-likelihood, AIC and BIC of each iteration), so there are no curves to "
                + "draw: it was saved by an older gmm or another tool. Fit again with gmm fit "
                + "... -o MODEL.json, or draw another --kind.");
        }

        // Far from 0 (1e8 + a spread of 10) the picture is drawn about a float64 origin.
        LoadedData data = DataReader.ReadCentred(line.Positional[1], CommandSupport.Columns(line));
        PlotData plotData = ViewOptions.PlotData("--dims", data, line.Get("--dims"), seed);
        var frame = new ViewFrame(model.Parameters, model.History);
        using var backend = ComputeBackends.Create(ComputeDevice.Cpu);
        using var renderer = new MixtureRenderer(width, height, backend)
        {
            Settings = { PointsColorBy = colorBy, PointsWindow = window, Aspect = aspect },
        };
        ViewKind view = kind ?? ViewOptions.DefaultKind(data.Features);
        byte[] rgba = renderer.Render(view, frame, plotData);
        ImageFrames.SavePng(output, rgba, width, height);
        stdout.WriteLine($"wrote {output} ({width}x{height})");
        return 0;
    }
}
