using System.Numerics;
using GmmGpu.Engine;
using GmmGpu.Viewer.Chart;
using GmmGpu.Viewer.Gl;
using GmmGpu.Viewer.Rendering;
using GmmGpu.Viewer.Views;

namespace GmmGpu.Viewer;

/// <summary>
/// Draws <see cref="ViewFrame"/>s of a mixture over its data into an off-screen framebuffer and
/// reads them back as RGBA. Owns a GL context (or borrows one); use it on one thread only. Each
/// view is its own type (see <see cref="IPlotView"/>); the dashboard draws several of them into
/// panels of one frame.
/// </summary>
public sealed partial class MixtureRenderer : IDisposable
{
    /// <summary>Largest width or height accepted.</summary>
    public const int MaxSize = 8192;

    /// <summary>What the curves view says when the model carries no fit history.</summary>
    public const string NoHistoryMessage = CurvesView.NoHistoryMessage;

    private readonly IGlContext context;
    private readonly bool ownsContext;
    private readonly GlPainter painter;
    private readonly ViewResources resources;
    private readonly Dictionary<ViewKind, IPlotView> views = [];
    private readonly DashboardView dashboard;

    /// <param name="backend">Evaluates density grids (heat map, surface).</param>
    /// <param name="context">A current GL context to draw with; null makes a headless one.</param>
    /// <exception cref="GlUnavailableException">No OpenGL.</exception>
    public MixtureRenderer(int width, int height, IComputeBackend backend,
        IGlContext? context = null)
    {
        ArgumentNullException.ThrowIfNull(backend);
        ValidateSize(width, height);
        ownsContext = context is null;
        this.context = context ?? new HeadlessEglContext();
        try
        {
            painter = new GlPainter(this.context.Gl, width, height);
            resources = new ViewResources(this.context.Gl, painter, backend);
            views[ViewKind.HeatMap] = new HeatMapView(painter);
            views[ViewKind.Points] = new PointsView(painter);
            views[ViewKind.Histogram] = new HistogramView();
            views[ViewKind.Surface] = new SurfaceView(painter);
            views[ViewKind.Curves] = new CurvesView();
            dashboard = new DashboardView(resources, views);
        }
        catch
        {
            DisposeGl();
            throw;
        }
    }

    /// <summary>Width of the frames drawn, in pixels, 1 to <see cref="MaxSize"/>.</summary>
    public int Width => painter.Width;

    /// <summary>Height of the frames drawn, in pixels, 1 to <see cref="MaxSize"/>.</summary>
    public int Height => painter.Height;

    /// <summary>Sizes of the text, ticks and gaps of this picture size.</summary>
    internal ChartStyle Style => Whole.Style;

    /// <summary>The box of every piece of text in the last frame drawn, in pixels.</summary>
    internal IReadOnlyList<RectangleF> TextBoxes => resources.TextBoxes;

    /// <summary>
    /// What the views are told beyond the frame and the data (surface camera, points window
    /// and colouring, aspect, levels, data overlay, density scale): set between frames.
    /// </summary>
    public ViewSettings Settings => resources.Settings;

    /// <summary>The GL version and renderer in use.</summary>
    public string Description => context.Description;

    /// <summary>The panel of the whole frame.</summary>
    private PlotPanel Whole => resources.Panel(0, 0, Width, Height);

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

    /// <summary>The layout the heat map of <paramref name="data"/> uses.</summary>
    public PlotLayout Layout(PlotData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        return HeatMapView.Layout(Whole, data);
    }

    /// <summary>The layout of the points view: the whole data, or
    /// <see cref="ViewSettings.PointsWindow"/>.</summary>
    public PlotLayout PointsLayout(PlotData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        return PointsView.Layout(Whole, data);
    }

    /// <summary>The layout of the histogram view: x is the feature, y the density.</summary>
    public PlotLayout HistogramLayout(ViewFrame frame, PlotData data)
    {
        ArgumentNullException.ThrowIfNull(frame);
        ArgumentNullException.ThrowIfNull(data);
        return HistogramView.Layout(Whole, frame, data);
    }

    /// <summary>Where the dashboard draws each view; see <see cref="DashboardView.Layout"/>.
    /// </summary>
    public IReadOnlyList<DashboardPanel> DashboardLayout(PlotData data, bool curves = true)
    {
        ArgumentNullException.ThrowIfNull(data);
        return DashboardView.Layout(Width, Height, data, curves);
    }

    /// <summary>
    /// The pixel where the surface view draws data point (x, y) at <paramref name="height"/>
    /// (0: the floor; 1: the density's maximum).
    /// </summary>
    internal Vector2 SurfacePixel(PlotData data, double x, double y, double height = 0) =>
        SurfaceView.Pixel(Whole, data, x, y, height);

    /// <summary>The pixel rectangle the surface's box is fitted into.</summary>
    internal RectangleF SurfaceArea() => SurfaceView.Area(Whole);

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
        painter.Begin(ChartStyle.Paper);
        resources.Begin();
        if (kind == ViewKind.Dashboard)
        {
            dashboard.Draw(Width, Height, frame, data);
        }
        else
        {
            resources.Draw(views[kind], Whole, frame, data);
        }
    }

    /// <summary>
    /// Copies the last drawn frame, scaled, onto the context's window (framebuffer 0).
    /// </summary>
    public void Blit(int screenWidth, int screenHeight)
    {
        context.MakeCurrent();
        painter.Blit(screenWidth, screenHeight);
    }

    /// <summary>Deletes the GL objects, then the context if the renderer made it; on the
    /// thread the renderer is used on.</summary>
    public void Dispose() => DisposeGl();

    /// <summary>Deletes the GL objects made so far, then the context if it is ours.</summary>
    private void DisposeGl()
    {
        context.MakeCurrent();
        foreach (IPlotView view in views.Values)
        {
            view.Dispose();
        }

        resources?.Dispose();
        painter?.Dispose();
        if (ownsContext)
        {
            context.Dispose();
        }
    }
}
