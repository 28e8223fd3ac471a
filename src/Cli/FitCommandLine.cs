using System.CommandLine;
using GmmGpu.Cli.Parsing;
using GmmGpu.Covariance;

namespace GmmGpu.Cli;

/// <summary>The arguments and options of <c>gmm fit</c>, read into <see cref="FitArguments"/>.
/// </summary>
internal sealed class FitCommandLine
{
    private const string Description = """
        Fits a Gaussian mixture with EM to DATA: a NumPy .npy file (float32 or float64, shape
        (N, D) or (N)), delimited text (.csv, .tsv, .txt; delimiter tab, ';' or ',' detected;
        a first row that is not numeric is the header) or Parquet (.parquet; numeric columns).
        """;

    private static readonly Dictionary<string, InitMethod> InitMethods = new()
    {
        ["kmeans++"] = InitMethod.KMeansPlusPlus, ["kmeans"] = InitMethod.KMeans,
        ["random"] = InitMethod.Random, ["random-from-data"] = InitMethod.RandomFromData,
        ["uniform"] = InitMethod.Uniform,
    };

    private static readonly Dictionary<string, StopRule> StopRules = new()
    {
        ["loglik"] = StopRule.LogLikelihood, ["aic"] = StopRule.Aic,
    };

    private readonly Argument<string> data = GmmOptions.File("DATA", "the points, one per row");

    private readonly Option<int?> components = GmmOptions.Integer(
        "--components", "K", "number of components, ≥ 1 (default: the --init model's K)", 1,
        "-k");

    private readonly Option<Choice<CovarianceType>?> covariance =
        GmmOptions.Covariance("covariance type (default full, or the --init model's)");

    private readonly Option<string?> init = GmmOptions.Parsed<string?>(
        "--init",
        "INIT",
        "kmeans++ | kmeans | random | random-from-data | uniform, or a model .json to start "
        + "from exactly (default kmeans++)",
        (option, text) => IsModelPath(text)
            ? text
            : OptionValues.Choice(option, text, InitMethods).Name);

    private readonly Option<int> nInit =
        GmmOptions.Integer("--n-init", "N", "initialisations, the best is kept, ≥ 1", 1, 1);

    private readonly Option<double> tol = GmmOptions.Number(
        "--tol", "T", "stop when the mean log-likelihood changes less, ≥ 0", 0, 1e-3);

    private readonly Option<int> maxIter =
        GmmOptions.MaxIter("most EM iterations per initialisation, ≥ 1");

    private readonly Option<double> regCovar = GmmOptions.RegCovar(1e-6);

    private readonly Option<int?> seed = GmmOptions.Seed();

    private readonly Option<Choice<ComputeDevice>> device = GmmOptions.Device(lists: true);

    private readonly Option<int?> chunkSize = GmmOptions.Integer(
        "--chunk-size",
        "ROWS",
        "rows the passes read and compute at a time, ≥ 1 (rounded down to a multiple of 256; "
        + "default: all that fit)",
        1);

    private readonly Option<long?> maxDeviceMemory = GmmOptions.Parsed<long?>(
        "--max-device-memory",
        "SIZE",
        "data bytes a device may hold, e.g. 512M or 4G (default half its memory); larger data "
        + "streams through it in chunks",
        (option, text) => OptionValues.Bytes(option, text));

    private readonly Option<string?> distributed = GmmOptions.Parsed<string?>(
        "--distributed",
        "mpi",
        "one rank of an MPI job (mpiexec -n P gmm fit ...): each rank reads its share of "
        + "DATA's rows; rank 0 writes and reports",
        (option, text) => text == "mpi"
            ? text
            : throw new UsageException($"{option} takes mpi, not \"{text}\""));

    private readonly Option<Choice<StopRule>> stop = GmmOptions.OneOf(
        "--stop",
        "when EM stops: loglik, the mean log-likelihood changes less than --tol; aic, the "
        + "original project's rule (AIC improves by less than 0.1 for 3 iterations in a row)",
        StopRules,
        StopRule.LogLikelihood);

    private readonly Option<IReadOnlyList<string>?> columns = GmmOptions.Columns();

    private readonly Option<string?> output = GmmOptions.Output(
        "MODEL", "write the fitted model as JSON (the folder must exist)", required: false);

    private readonly ViewCommandLine view = new(
        "--view-kind", "--view-dims", "the export and the live window");

    private readonly Option<string?> export = GmmOptions.Text(
        "--export",
        "OUT",
        "draw every EM iteration into OUT.gif, OUT.mp4 (needs ffmpeg) or a folder of PNG "
        + "frames; the last frame is held 0.5 s");

    private readonly Option<bool> live = GmmOptions.Flag(
        "--view",
        "show the fit live in a window: keys 1-5 / Tab view, 6 dashboard, C colours, drag "
        + "orbits (surface), wheel zoom (points, surface), R reset, Space pause, Esc close "
        + "(no display: goes on without it)");

    private readonly Option<bool> closeWhenDone = GmmOptions.Flag(
        "--close-when-done", "close the live window when the fit ends (for scripts)");

    /// <summary><c>gmm fit</c>, running <paramref name="run"/> on what it reads.</summary>
    public static Command Create(CommandContext context, Func<FitArguments, int> run)
    {
        var line = new FitCommandLine();
        var command = new GmmCommand("fit", Description)
        {
            line.data, line.components, line.covariance, line.init, line.nInit, line.tol,
            line.maxIter, line.regCovar, line.seed, line.device, line.chunkSize,
            line.maxDeviceMemory, line.distributed, line.stop, line.columns, line.output,
            line.export, line.live, line.closeWhenDone,
        };
        line.view.AddTo(command);
        command.Examples.Add("gmm fit points.npy -k 8 --covariance diag --seed 1 -o model.json");
        command.Examples.Add("gmm fit data.csv -k 5 --tol 0 --max-iter 20 --device cpu --json");
        command.Examples.Add("gmm fit points.npy -k 5 --export fit.gif --view-kind points");
        command.Examples.Add("gmm fit big.npy -k 64 --max-device-memory 4G -o model.json");
        command.SetAction(parse => run(line.Read(parse, context)));
        return command;
    }

    private FitArguments Read(ParseResult parse, CommandContext context)
    {
        string? start = parse.GetValue(init);
        InitMethod? method = start is null ? null
            : InitMethods.TryGetValue(start, out InitMethod m) ? m : null;
        int? k = parse.GetValue(components);
        if (k is null && (start is null || method is not null))
        {
            // Only a model to start from gives K.
            throw new UsageException("fit needs -k K, the number of components");
        }

        Choice<ComputeDevice> devices = parse.GetValue(device);
        bool list = Backends.DeviceList.IsList(devices.Name);
        var options = new GaussianMixtureOptions
        {
            Components = k ?? 1,
            Init = method ?? InitMethod.KMeansPlusPlus,
            NInit = parse.GetValue(nInit),
            Tolerance = parse.GetValue(tol),
            MaxIterations = parse.GetValue(maxIter),
            RegCovar = parse.GetValue(regCovar),
            Seed = parse.GetValue(seed),
            Device = devices.Value,
            ChunkRows = parse.GetValue(chunkSize),
            MaxDeviceMemory = parse.GetValue(maxDeviceMemory),
            StopRule = parse.GetValue(stop).Value,
        };
        ViewChoices views = view.Read(parse);
        return new FitArguments(
            parse.GetValue(data)!,
            parse.GetValue(columns),
            k,
            parse.GetValue(covariance)?.Value,
            options,
            method is null ? start : null,
            parse.GetValue(output),
            context.IsJson(parse),
            context.IsQuiet(parse))
        {
            ExportPath = parse.GetValue(export),
            ViewKind = views.Kind,
            FrameSize = views.Size,
            View = parse.GetValue(live),
            CloseWhenDone = parse.GetValue(closeWhenDone),
            ViewDims = views.Dims,
            DeviceList = list ? devices.Name : null,
            Distributed = parse.GetValue(distributed) is not null,
            ColorBy = views.ColorBy,
            Aspect = views.Aspect,
        };
    }

    private static bool IsModelPath(string init) =>
        !InitMethods.Keys.Contains(init, StringComparer.OrdinalIgnoreCase)
        && (init.EndsWith(".json", StringComparison.OrdinalIgnoreCase) || File.Exists(init));
}
