using GmmGpu.Engine;
using GmmGpu.Viewer.Chart;
using GmmGpu.Viewer.Gl;
using GmmGpu.Viewer.Rendering;

namespace GmmGpu.Viewer.Views;

/// <summary>
/// A rectangle of the frame that one view draws into, and the tools it draws with: pixel
/// coordinates are the panel's own (origin top left), its text is sized from the panel, and
/// what it draws stays inside it. The GL objects are the renderer's, shared by every panel.
/// </summary>
internal sealed class PlotPanel
{
    private readonly ViewResources resources;

    public PlotPanel(ViewResources resources, int width, int height)
    {
        this.resources = resources;
        Width = width;
        Height = height;
        Style = ChartStyle.For(width, height);
        Text = new TextLayer(width, height);
    }

    /// <summary>Where the panel lies in the frame, in pixels.</summary>
    public int Left { get; set; }

    /// <inheritdoc cref="Left"/>
    public int Top { get; set; }

    public int Width { get; }

    public int Height { get; }

    /// <summary>The whole panel, in its own pixels.</summary>
    public RectangleF Bounds => new(0, 0, Width, Height);

    /// <summary>Sizes of the text, ticks and gaps of this panel size.</summary>
    public ChartStyle Style { get; }

    /// <summary>Lines, markers and furniture, drawn over the images when the view is done.
    /// </summary>
    public Canvas Canvas { get; } = new();

    /// <summary>A second canvas the views fill and draw clipped to their plot areas.</summary>
    public Canvas Clipped { get; } = new();

    /// <summary>The panel's text, drawn last.</summary>
    public TextLayer Text { get; }

    public GlPainter Painter => resources.Painter;

    /// <summary>The colour map's ramp, 0 to 1 upwards: the inside of every colour bar.</summary>
    public Texture2D Ramp => resources.Ramp;

    /// <summary>Evaluates density grids.</summary>
    public IComputeBackend Backend => resources.Backend;

    public ViewSettings Settings => resources.Settings;

    /// <summary>Empties the canvases and text for a new frame.</summary>
    public void Clear()
    {
        Canvas.Clear();
        Clipped.Clear();
        Text.Clear();
    }
}
