using System.Numerics;
using GmmGpu.Em;
using GmmGpu.Engine;
using GmmGpu.Viewer.Chart;
using GmmGpu.Viewer.Gl;
using GmmGpu.Viewer.Rendering;

namespace GmmGpu.Viewer;

/// <summary>
/// Draws <see cref="ViewFrame"/>s of a mixture over its data into an off-screen framebuffer and
/// reads them back as RGBA. Owns a GL context (or borrows one); use it on one thread only.
/// </summary>
public sealed partial class MixtureRenderer : IDisposable
{
    /// <summary>Largest width or height accepted.</summary>
    public const int MaxSize = 8192;

    private static readonly Vector4 Background = new(1, 1, 1, 1);
    private static readonly Vector4 Ink = ChartStyle.Ink;

    private readonly IGlContext context;
    private readonly bool ownsContext;
    private readonly IComputeBackend backend;
    private readonly GlPainter painter;
    private readonly Texture2D values;
    private readonly Texture2D ramp;
    private readonly CountsTexture counts;
    private readonly CountsTexture floorCounts;
    private readonly Texture2D labels;
    private readonly Canvas canvas = new();
    private readonly Canvas clipped = new();
    private readonly TextPainter textPainter;
    private readonly List<RectangleF> textBoxes = [];
    private readonly TextLayer text;

    /// <param name="backend">Evaluates density grids (heat map, surface).</param>
    /// <param name="context">A current GL context to draw with; null makes a headless one.</param>
    /// <exception cref="GlUnavailableException">No OpenGL.</exception>
    public MixtureRenderer(int width, int height, IComputeBackend backend,
        IGlContext? context = null)
    {
        ArgumentNullException.ThrowIfNull(backend);
        ValidateSize(width, height);
        this.backend = backend;
        ownsContext = context is null;
        this.context = context ?? new HeadlessEglContext();
        try
        {
            painter = new GlPainter(this.context.Gl, width, height);
            textPainter = new TextPainter(this.context.Gl);
            text = new TextLayer(width, height);
            Style = ChartStyle.For(width, height);
            values = painter.CreateTexture(linear: true);
            ramp = painter.CreateTexture(linear: true);
            counts = new CountsTexture(painter);
            floorCounts = new CountsTexture(painter);
            labels = painter.CreateTexture(linear: false);
            float[] rampValues = [.. Enumerable.Range(0, 256).Select(i => i / 255f)];
            ramp.UploadFloats(1, 256, rampValues);
        }
        catch
        {
            if (ownsContext)
            {
                this.context.Dispose();
            }

            throw;
        }
    }

    public int Width => painter.Width;

    public int Height => painter.Height;

    /// <summary>Sizes of the text, ticks and gaps of this picture size.</summary>
    internal ChartStyle Style { get; }

    /// <summary>The box of every piece of text in the last frame drawn, in pixels.</summary>
    internal IReadOnlyList<RectangleF> TextBoxes => textBoxes;

    /// <summary>Where the surface view is seen from.</summary>
    public OrbitCamera SurfaceCamera { get; set; } = OrbitCamera.Default;

    /// <summary>How the points view colours the data.</summary>
    public ColorBy PointsColorBy { get; set; } = ColorBy.Density;

    /// <summary>
    /// How the heat map, points and surface views scale their two features: equal gives one
    /// unit the same length on both axes (on the surface, along its floor).
    /// </summary>
    public Aspect Aspect { get; set; } = Aspect.Auto;

    /// <summary>Filled density levels of the heat map (contour lines lie between them).</summary>
    public int Levels { get; set; } = 10;

    /// <summary>The GL version and renderer in use.</summary>
    public string Description => context.Description;

    /// <exception cref="ArgumentOutOfRangeException">Width or height is not in [1,
    /// 8192].</exception>
    public static void ValidateSize(int width, int height)
    {
        if (width is < 1 or > MaxSize || height is < 1 or > MaxSize)
        {
            throw new ArgumentOutOfRangeException(nameof(width),
                $"frame size {width}x{height} is out of range: width and height must be "
                + $"1..{MaxSize}.");
        }
    }

    /// <summary>The layout a 2-D view of <paramref name="data"/> uses.</summary>
    public PlotLayout Layout(PlotData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        return ChartLayout.Create(Width, Height, new RectangleF(0, 0, Width, Height), Style,
            data.Range(data.DimX), data.Range(data.DimY), title: true, xLabel: true,
            yLabel: true, ColorBar.Reserve(Style), Aspect);
    }

    /// <summary>
    /// Draws one frame and returns it as RGBA bytes, shape (Height, Width, 4), top row first.
    /// </summary>
    public byte[] Render(ViewKind kind, ViewFrame frame, PlotData data)
    {
        var rgba = new byte[Width * Height * 4];
        Render(kind, frame, data, rgba);
        return rgba;
    }

    /// <inheritdoc cref="Render(ViewKind, ViewFrame, PlotData)"/>
    /// <exception cref="ArgumentException">The view needs 2-D data, or shapes do not
    /// match.</exception>
    public void Render(ViewKind kind, ViewFrame frame, PlotData data, Span<byte> rgba)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(rgba.Length, Width * Height * 4);
        Draw(kind, frame, data);
        Read(rgba);
    }

    /// <summary>The off-screen framebuffer as it stands, as <see cref="Render(ViewKind,
    /// ViewFrame, PlotData)"/> returns it.</summary>
    internal void Read(Span<byte> rgba)
    {
        context.MakeCurrent();
        painter.Read(rgba);
    }

    /// <summary>
    /// Draws one frame into the off-screen framebuffer (shown by <see cref="Blit"/>).
    /// </summary>
    /// <exception cref="ArgumentException">The view needs 2-D data, or shapes do not
    /// match.</exception>
    public void Draw(ViewKind kind, ViewFrame frame, PlotData data)
    {
        ArgumentNullException.ThrowIfNull(frame);
        ArgumentNullException.ThrowIfNull(data);
        if (frame.Parameters.Dimensions != data.ModelDimensions)
        {
            throw new ArgumentException(
                $"the model has D={frame.Parameters.Dimensions} but the data has "
                + $"{data.ModelDimensions} columns.", nameof(data));
        }

        if ((kind is ViewKind.HeatMap or ViewKind.Points or ViewKind.Surface) && data.Columns < 2)
        {
            throw new ArgumentException(
                $"the {kind} view needs data with 2 or more features; use the histogram view.",
                nameof(kind));
        }

        context.MakeCurrent();
        painter.Begin(Background);
        textBoxes.Clear();
        if (kind == ViewKind.Dashboard)
        {
            DrawDashboard(frame, data);
            return;
        }

        // The title keeps the model's own D; the views draw its marginal on the axes.
        // Moved to the data's origin in float64 first, so data far from 0 keeps its digits.
        MixtureParameters local = data.Local(frame.Parameters);
        ViewFrame drawn = frame with
        {
            Parameters = data.Axes is { } axes ? axes.Project(local) : local,
        };
        canvas.Clear();
        text.Clear();
        Title.Draw(text, Style, 0, Width, 0, ViewTitle(kind, data), frame.Title);
        switch (kind)
        {
            case ViewKind.HeatMap: DrawHeatMap(drawn, data); break;
            case ViewKind.Points: DrawPoints(drawn, data); break;
            case ViewKind.Histogram: DrawHistogram(drawn, data); break;
            case ViewKind.Surface: DrawSurface(drawn, data); break;
            default: DrawCurves(drawn); break;
        }

        painter.Draw(canvas);
        textPainter.Draw(text, Width, Height);
        textBoxes.AddRange(text.Boxes);
    }

    /// <summary>The title of a view: what it shows, of which features.</summary>
    private static string ViewTitle(ViewKind kind, PlotData data) => kind switch
    {
        ViewKind.HeatMap => $"Mixture density of {data.XName} and {data.YName}",
        ViewKind.Points => $"Data and components of {data.XName} and {data.YName}",
        ViewKind.Surface => $"Density surface of {data.XName} and {data.YName}",
        ViewKind.Histogram => $"Histogram of {data.XName} and the mixture",
        _ => "Fit: log-likelihood, AIC and BIC per iteration",
    };

    /// <summary>
    /// Copies the last drawn frame, scaled, onto the context's window (framebuffer 0).
    /// </summary>
    public void Blit(int screenWidth, int screenHeight)
    {
        context.MakeCurrent();
        painter.Blit(screenWidth, screenHeight);
    }

    public void Dispose()
    {
        foreach (MixtureRenderer panel in panels.Values)
        {
            panel.Dispose();
        }

        context.MakeCurrent();
        labels.Dispose();
        textPainter.Dispose();
        floorCounts.Dispose();
        counts.Dispose();
        ramp.Dispose();
        values.Dispose();
        painter.Dispose();
        if (ownsContext)
        {
            context.Dispose();
        }
    }

    /// <summary>
    /// The mixture's marginal density on features (DimX, DimY) on a grid, row 0 at yMin: the
    /// marginal of a Gaussian mixture keeps the weights, the two means and the 2×2 blocks.
    /// </summary>
    private float[] EvaluateDensity(
        MixtureParameters parameters, PlotData data, int width, int height,
        double xMin, double xMax, double yMin, double yMax)
    {
        int k = parameters.Components, d = parameters.Dimensions;
        // About the grid's centre in float64: float32 keeps no digits of a model at 1e8.
        double cx = (xMin / 2) + (xMax / 2), cy = (yMin / 2) + (yMax / 2);
        var means = new double[k * 2];
        var covariances = new double[k * 4];
        for (int c = 0; c < k; c++)
        {
            means[2 * c] = parameters.MeansArray[(c * d) + data.DimX] - cx;
            means[(2 * c) + 1] = parameters.MeansArray[(c * d) + data.DimY] - cy;
            var block = parameters.MarginalCovariance(c, data.DimX, data.DimY);
            covariances[4 * c] = block.Xx;
            covariances[(4 * c) + 1] = block.Xy;
            covariances[(4 * c) + 2] = block.Xy;
            covariances[(4 * c) + 3] = block.Yy;
        }

        var marginal = new MixtureParameters(
            CovarianceType.Full, k, 2, parameters.WeightsArray, means, covariances);
        var grid = new DensityGrid(
            width, height, xMin - cx, xMax - cx, yMin - cy, yMax - cy);
        var density = new float[width * height];
        backend.EvaluateDensityGrid(MixtureKernelModel.Build(marginal), grid, density);
        return density;
    }
}
