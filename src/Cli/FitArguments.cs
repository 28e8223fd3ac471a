using GmmGpu.Covariance;
using GmmGpu.Data;
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
}
