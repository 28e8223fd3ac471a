using GmmGpu.Engine;
using GmmGpu.Viewer.Chart;
using GmmGpu.Viewer.Gl;
using GmmGpu.Viewer.Rendering;
using Silk.NET.OpenGL;

namespace GmmGpu.Viewer.Views;

/// <summary>
/// What every view of a renderer shares: the painter of the frame, the text painter, the
/// colour bars' ramp, the backend for density grids and the settings; and the panels, one per
/// size, that views are drawn into.
/// </summary>
internal sealed class ViewResources : IDisposable
{
    private readonly Dictionary<(int Width, int Height), PlotPanel> panels = [];
    private readonly List<RectangleF> textBoxes = [];
    private readonly TextPainter textPainter;

    public ViewResources(GL gl, GlPainter painter, IComputeBackend backend)
    {
        Painter = painter;
        Backend = backend;
        textPainter = new TextPainter(gl);
        try
        {
            Ramp = painter.CreateTexture(linear: true);
            float[] rampValues = [.. Enumerable.Range(0, 256).Select(i => i / 255f)];
            Ramp.UploadFloats(1, 256, rampValues);
        }
        catch
        {
            textPainter.Dispose();
            throw;
        }
    }

    public GlPainter Painter { get; }

    public Texture2D Ramp { get; }

    public IComputeBackend Backend { get; }

    public ViewSettings Settings { get; } = new();

    /// <summary>The box of every piece of text drawn since <see cref="Begin"/>, in the
    /// frame's pixels.</summary>
    public IReadOnlyList<RectangleF> TextBoxes => textBoxes;

    /// <summary>Starts a frame: nothing drawn, no text.</summary>
    public void Begin() => textBoxes.Clear();

    /// <summary>The panel of <paramref name="width"/> × <paramref name="height"/> pixels at
    /// (left, top) of the frame.</summary>
    public PlotPanel Panel(int left, int top, int width, int height)
    {
        if (!panels.TryGetValue((width, height), out PlotPanel? panel))
        {
            panel = new PlotPanel(this, width, height);
            panels[(width, height)] = panel;
        }

        panel.Left = left;
        panel.Top = top;
        return panel;
    }

    /// <summary>
    /// Draws <paramref name="view"/> into <paramref name="panel"/>: its title (the view over the
    /// frame's line), then the view with the model on the data's axes, then its lines and text.
    /// </summary>
    public void Draw(IPlotView view, PlotPanel panel, ViewFrame frame, PlotData data)
    {
        Painter.BeginPanel(panel.Left, panel.Top, panel.Width, panel.Height);
        panel.Clear();
        // The title keeps the model's own D; the views draw its marginal on the axes.
        Title.Draw(panel.Text, panel.Style, 0, panel.Width, 0, view.Title(data), frame.Title);
        // Moved to the data's origin in float64 first, so data far from 0 keeps its digits.
        MixtureParameters local = data.Local(frame.Parameters);
        ViewFrame drawn = frame with
        {
            Parameters = data.Axes is { } axes ? axes.Project(local) : local,
        };
        view.Draw(panel, drawn, data);
        Painter.Draw(panel.Canvas);
        textPainter.Draw(panel.Text, panel.Width, panel.Height);
        textBoxes.AddRange(panel.Text.Boxes.Select(b => new RectangleF(
            b.Left + panel.Left, b.Top + panel.Top, b.Right + panel.Left, b.Bottom + panel.Top)));
    }

    public void Dispose()
    {
        Ramp.Dispose();
        textPainter.Dispose();
    }
}
