using GmmGpu.Covariance;
using GmmGpu.Data;
using DeviceLists = GmmGpu.Backends.DeviceList;
using GmmGpu.ModelFiles;

namespace GmmGpu.Cli;

/// <summary>The parsed arguments of <c>gmm fit</c>.</summary>
internal sealed record FitArguments(
    string DataPath,
    IReadOnlyList<string>? Columns,
    int? Components,
    CovarianceType? Covariance,
    GaussianMixtureOptions Options,
    string? InitModelPath,
    string? OutputPath,
    bool Json,
    bool Quiet)
{
    /// <summary>--export: a .gif, .mp4 or a folder of PNG frames, one per EM iteration.</summary>
    public string? ExportPath { get; init; }

    /// <summary>--view-kind of the export; null picks by the data's dimension.</summary>
    public Viewer.ViewKind? ViewKind { get; init; }

    /// <summary>
    /// --view: show the fit live in a window (headless when there is no display).
    /// </summary>
    public bool View { get; init; }

    /// <summary>--close-when-done: the live window closes by itself when the fit ends.</summary>
    public bool CloseWhenDone { get; init; }

    /// <summary>--color-by: how the points view colours the data.</summary>
    public Viewer.ColorBy ColorBy { get; init; }

    /// <summary>--aspect: how the 2-D views scale their two features.</summary>
    public Viewer.Aspect Aspect { get; init; }

    /// <summary>--view-dims "I,J" or "pca": the features or axes a 2-D view draws.</summary>
    public string? ViewDims { get; init; }

    /// <summary>
    /// --device naming several devices ("cuda:all", "cpu,ilgpu-cpu"): the chunks are spread
    /// over them; null when --device names one kind (in <see cref="Options"/>).
    /// </summary>
    public string? DeviceList { get; init; }

    /// <summary>--distributed mpi: this process is one rank of an MPI job.</summary>
    public bool Distributed { get; init; }

    /// <summary>
    /// Whether the fit reads the data a chunk at a time (--chunk-size, --max-device-memory,
    /// several devices or MPI) rather than into memory first.
    /// </summary>
    public bool Streams =>
        DeviceList is not null || Distributed || Options.ChunkRows is not null
        || Options.MaxDeviceMemory is not null;

    /// <summary>--size of the export's frames.</summary>
    public (int Width, int Height) FrameSize { get; init; } =
        (ViewOptions.DefaultWidth, ViewOptions.DefaultHeight);

    public const string Help = """
        usage: gmm fit DATA -k K [options]

        Fits a Gaussian mixture with EM to DATA: a NumPy .npy file (float32 or float64, shape
        (N, D) or (N)) or delimited text (.csv, .tsv, .txt; delimiter tab, ';' or ',' detected;
        a first row that is not numeric is the header) or Parquet (.parquet; numeric columns).

        options:
          -k, --components K    number of components, >= 1 (default: the --init model's K)
          --covariance TYPE     full | tied | diag | spherical (default full)
          --init INIT           kmeans++ | kmeans | random | random-from-data | uniform, or a
                                model .json to start from exactly (default kmeans++)
          --n-init N            initialisations, the best is kept, >= 1 (default 1)
          --tol T               stop when the mean log-likelihood changes less, >= 0 (1e-3)
          --max-iter M          most EM iterations per initialisation, >= 1 (default 100)
          --reg-covar R         added to every covariance's diagonal, >= 0 (default 1e-6)
          --seed S              seed of every random choice (default: random)
          --device DEVICE       auto | cuda | opencl | ilgpu-cpu | cpu (default auto), or
                                several side by side: cuda:all, cuda:0,cuda:1, cpu,ilgpu-cpu
          --chunk-size ROWS     rows the passes read and compute at a time, >= 1 (rounded
                                down to a multiple of 256; default: all that fit)
          --max-device-memory SIZE  data bytes a device may hold, e.g. 512M or 4G (default
                                half its memory); larger data streams through it in chunks
          --distributed mpi     one rank of an MPI job (mpiexec -n P gmm fit ...): each rank
                                reads its share of DATA's rows; rank 0 writes and reports
          --stop RULE           loglik | aic (default loglik)
          --columns A,B         columns to use, by header name or 0-based index
          -o, --output MODEL    write the fitted model as JSON (the folder must exist)
          --json                print one JSON object on stdout instead of the summary
          --quiet               no progress lines or warnings on stderr
          --export OUT          draw every EM iteration into OUT.gif, OUT.mp4 (needs ffmpeg)
                                or a folder of PNG frames; the last frame is held 0.5 s
          --view-kind KIND      heatmap | points | histogram | surface | curves |
                                dashboard (heat map, points, surface and curves at once;
                                1-D: histogram and curves) (default heatmap, histogram
                                for 1-D data)
          --size WxH            frame size of --export, sides 1..8192 (default 800x600)
          --view-dims I,J|pca   features a 2-D view draws (default 0,1), or pca: the
                                data's top two principal axes (needs 2+ features)
          --color-by WHAT       density | component: the points view's colours, counts or
                                each bin's most likely component (default density)
          --aspect auto|equal   equal: one unit of data is the same length on both axes
                                of the heat map, points and surface (a round component
                                looks round); default auto: each axis fills the plot
          --view                show the fit live in a window: keys 1-5 / Tab view, 6
                                dashboard, C colours, drag orbits (surface), wheel
                                zoom (points, surface), R reset, Space pause, Esc
                                close (no display: goes on without it)
          --close-when-done     close the live window when the fit ends (for scripts)
          -h, --help            this text

        example:
          gmm fit points.npy -k 8 --covariance diag --seed 1 -o model.json
        """;

    private static readonly Dictionary<string, string> ValueOptions = new(StringComparer.Ordinal)
    {
        ["-k"] = "-k", ["--components"] = "-k", ["--covariance"] = "--covariance",
        ["--init"] = "--init", ["--n-init"] = "--n-init", ["--tol"] = "--tol",
        ["--max-iter"] = "--max-iter", ["--reg-covar"] = "--reg-covar", ["--seed"] = "--seed",
        ["--device"] = "--device", ["--stop"] = "--stop", ["--columns"] = "--columns",
        ["-o"] = "-o", ["--output"] = "-o",
        ["--export"] = "--export", ["--view-kind"] = "--view-kind", ["--size"] = "--size",
        ["--view-dims"] = "--view-dims", ["--color-by"] = "--color-by",
        ["--aspect"] = "--aspect",
        ["--chunk-size"] = "--chunk-size",
        ["--max-device-memory"] = "--max-device-memory", ["--distributed"] = "--distributed",
    };

    private static readonly Dictionary<string, string> FlagOptions = new(StringComparer.Ordinal)
    {
        ["--json"] = "--json", ["--quiet"] = "--quiet", ["-h"] = "--help", ["--help"] = "--help",
        ["--view"] = "--view", ["--close-when-done"] = "--close-when-done",
    };

    private static readonly Dictionary<string, InitMethod> InitMethods = new()
    {
        ["kmeans++"] = InitMethod.KMeansPlusPlus, ["kmeans"] = InitMethod.KMeans,
        ["random"] = InitMethod.Random, ["random-from-data"] = InitMethod.RandomFromData,
        ["uniform"] = InitMethod.Uniform,
    };

    private static readonly Dictionary<string, ComputeDevice> Devices = new()
    {
        ["auto"] = ComputeDevice.Auto, ["cuda"] = ComputeDevice.Cuda,
        ["opencl"] = ComputeDevice.OpenCL, ["ilgpu-cpu"] = ComputeDevice.IlgpuCpu,
        ["cpu"] = ComputeDevice.Cpu,
    };

    private static readonly Dictionary<string, StopRule> StopRules = new()
    {
        ["loglik"] = StopRule.LogLikelihood, ["aic"] = StopRule.Aic,
    };

    /// <summary>Parses the arguments after "fit"; null means help was asked for.</summary>
    /// <exception cref="UsageException">The command line is wrong.</exception>
    public static FitArguments? Parse(IReadOnlyList<string> args)
    {
        var line = CommandLine.Parse(args, ValueOptions, FlagOptions);
        if (line.Has("--help"))
        {
            return null;
        }

        if (line.Positional.Count != 1)
        {
            throw new UsageException(line.Positional.Count == 0
                ? "fit needs a DATA file"
                : $"fit takes one DATA file; got {string.Join(" ", line.Positional)}");
        }

        string? init = line.Get("--init");
        InitMethod? method = init is null || IsModelPath(init)
            ? null
            : line.GetChoice("--init", InitMethods);
        string? initModel = init is not null && method is null ? init : null;
        int? components = line.GetInt("-k", minimum: 1);
        if (components is null && initModel is null)
        {
            throw new UsageException("fit needs -k K, the number of components");
        }

        string? device = line.Get("--device");
        if (device is not null && DeviceLists.IsList(device))
        {
            try
            {
                DeviceLists.Validate(device);
            }
            catch (ArgumentException error)
            {
                throw new UsageException($"--device: {error.Message}", error);
            }
        }
        string? distributed = line.Get("--distributed");
        if (distributed is not null && distributed != "mpi")
        {
            throw new UsageException($"--distributed takes mpi, not \"{distributed}\"");
        }

        var options = new GaussianMixtureOptions
        {
            Components = components ?? 1,
            Init = method ?? InitMethod.KMeansPlusPlus,
            NInit = line.GetInt("--n-init", minimum: 1) ?? 1,
            Tolerance = line.GetDouble("--tol", minimum: 0) ?? 1e-3,
            MaxIterations = line.GetInt("--max-iter", minimum: 1) ?? 100,
            RegCovar = line.GetDouble("--reg-covar", minimum: 0) ?? 1e-6,
            Seed = line.GetInt("--seed", minimum: int.MinValue),
            Device = device is null || DeviceLists.IsList(device)
                ? ComputeDevice.Auto
                : line.GetChoice("--device", Devices) ?? ComputeDevice.Auto,
            ChunkRows = line.GetInt("--chunk-size", minimum: 1),
            MaxDeviceMemory = line.GetBytes("--max-device-memory"),
            StopRule = line.GetChoice("--stop", StopRules) ?? StopRule.LogLikelihood,
        };
        return new FitArguments(
            line.Positional[0],
            CommandSupport.Columns(line),
            components,
            line.GetChoice("--covariance", CommandSupport.CovarianceTypes),
            options,
            initModel,
            line.Get("-o"),
            line.Has("--json"),
            line.Has("--quiet"))
        {
            ExportPath = line.Get("--export"),
            ViewKind = ViewOptions.ParseKind("--view-kind", line.Get("--view-kind")),
            FrameSize = ViewOptions.ParseSize(line.Get("--size")),
            View = line.Has("--view"),
            CloseWhenDone = line.Has("--close-when-done"),
            ViewDims = line.Get("--view-dims"),
            DeviceList = device is not null && DeviceLists.IsList(device) ? device : null,
            Distributed = distributed is not null,
            ColorBy = ViewOptions.ParseColorBy(line.Get("--color-by")),
            Aspect = ViewOptions.ParseAspect(line.Get("--aspect")),
        };
    }

    /// <summary>
    /// The options of the fit. With <c>--init MODEL.json</c> the model is loaded and becomes the
    /// start; -k and --covariance default to the model's and must match it where given.
    /// </summary>
    /// <exception cref="DataFormatException">The model is invalid or does not match.</exception>
    public GaussianMixtureOptions CreateOptions()
    {
        if (InitModelPath is null)
        {
            return Options with { CovarianceType = Covariance ?? CovarianceType.Full };
        }

        GaussianMixtureModel start = GaussianMixtureModel.Load(InitModelPath);
        if ((Components is { } k && k != start.Components)
            || (Covariance is { } type && type != start.CovarianceType))
        {
            throw new DataFormatException(
                $"{InitModelPath} is a {CovarianceModels.NameOf(start.CovarianceType)} model with "
                + $"K={start.Components}, but the command asks for "
                + $"{CovarianceModels.NameOf(Covariance ?? start.CovarianceType)} with "
                + $"K={Components ?? start.Components}; make -k and --covariance match the model "
                + "or leave them out.");
        }

        return Options with
        {
            Components = start.Components,
            CovarianceType = start.CovarianceType,
            InitialParameters = start.Parameters,
        };
    }

    private static bool IsModelPath(string init) =>
        !InitMethods.Keys.Contains(init, StringComparer.OrdinalIgnoreCase)
        && (init.EndsWith(".json", StringComparison.OrdinalIgnoreCase) || File.Exists(init));
}
