using System.CommandLine;
using GmmGpu.Backends;
using GmmGpu.Cli.Parsing;
using GmmGpu.Data;
using GmmGpu.Viewer;
using GmmGpu.Viewer.Export;

namespace GmmGpu.Cli;

/// <summary>
/// <c>gmm plot MODEL.json DATA --kind K -o out.png</c>: draws a fitted model over data.
/// </summary>
internal static class PlotCommand
{
    /// <summary><c>gmm plot</c>: its arguments and options.</summary>
    public static Command Create(CommandContext context)
    {
        Argument<string> model = GmmOptions.File("MODEL", "the fitted model (.json)");
        Argument<string> data = GmmOptions.File("DATA", "the points to draw it over");
        Option<string?> output = GmmOptions.Output(
            "PNG", "the picture to write (the folder must exist)", required: true);
        var view = new ViewCommandLine("--kind", "--dims", "the picture");
        Option<IReadOnlyList<string>?> columns = GmmOptions.Columns();
        Option<DataWindow?> window = GmmOptions.Parsed(
            "--window",
            "X0,X1,Y0,Y1",
            "points view: zoom in on this region of the two features and draw a random "
            + "sample of up to 100,000 points one by one",
            (_, text) => ViewOptions.ParseWindow(text));
        Option<int> seed = GmmOptions.Seed(
            0, "seed of that sample: the same seed draws the same points");
        var command = new GmmCommand(
            "plot",
            "Draws a fitted model over its data into a PNG, off-screen (OpenGL through EGL + "
            + "Mesa).")
        {
            model, data, output, columns, window, seed,
        };
        view.AddTo(command);
        command.Examples.Add(
            "gmm plot model.json points.npy --kind points -o fit.png --size 1280x720");
        command.Examples.Add("gmm plot model.json data.npy --kind dashboard --dims pca -o all.png");
        command.SetAction(parse => Run(
            parse.GetValue(model)!,
            parse.GetValue(data)!,
            parse.GetValue(output)!,
            view.Read(parse),
            parse.GetValue(columns),
            parse.GetValue(window),
            parse.GetValue(seed),
            context.IsJson(parse),
            context.Stdout));
        return command;
    }

    private static int Run(
        string modelPath,
        string dataPath,
        string output,
        ViewChoices view,
        IReadOnlyList<string>? columns,
        DataWindow? window,
        int seed,
        bool json,
        TextWriter stdout)
    {
        (int width, int height) = view.Size;
        if (!output.EndsWith(".png", StringComparison.OrdinalIgnoreCase))
        {
            throw new UsageException($"-o {output}: plot writes PNG; give a name ending in .png");
        }

        CommandSupport.CheckOutput(output);
        CommandSupport.CheckDistinct([modelPath, dataPath], ("-o", output));
        GaussianMixtureModel model = GaussianMixtureModel.Load(modelPath);
        if (ViewOptions.TooManyComponents(model.Components) is { } tooMany)
        {
            throw new DataFormatException($"{modelPath}: {tooMany}");
        }

        if (view.Kind == ViewKind.Curves && model.History.Count == 0)
        {
            throw new DataFormatException($"{modelPath} has no fit history (the "
                + "log-likelihood, AIC and BIC of each iteration), so there are no curves to "
                + "draw: it was saved by an older gmm or another tool. Fit again with gmm fit "
                + "... -o MODEL.json, or draw another --kind.");
        }

        // Far from 0 (1e8 + a spread of 10) the picture is drawn about a float64 origin.
        LoadedData data = DataReader.ReadCentred(dataPath, columns);
        CommandSupport.CheckFeatures(
            dataPath, data.ColumnNames, modelPath, model.Parameters.Dimensions);
        PlotData plotData = ViewOptions.PlotData("--dims", data, view.Dims, seed);
        var frame = new ViewFrame(model.Parameters, model.History);
        using var backend = ComputeBackends.Create(ComputeDevice.Cpu);
        using var renderer = new MixtureRenderer(width, height, backend)
        {
            Settings =
            {
                PointsColorBy = view.ColorBy, PointsWindow = window, Aspect = view.Aspect,
            },
        };
        ViewKind kind = view.Kind ?? ViewOptions.DefaultKind(data.Features);
        byte[] rgba = renderer.Render(kind, frame, plotData);
        ImageFrames.SavePng(output, rgba, width, height);
        if (json)
        {
            CommandSupport.WriteJson(stdout, w =>
            {
                w.WriteString("output", output);
                w.WriteNumber("width", width);
                w.WriteNumber("height", height);
            });
            return 0;
        }

        stdout.WriteLine($"wrote {output} ({width}x{height})");
        return 0;
    }
}
