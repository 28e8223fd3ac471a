using System.Numerics;
using GmmGpu.Viewer.Chart;
using GmmGpu.Viewer.Gl;
using GmmGpu.Viewer.Rendering;

namespace GmmGpu.Viewer.Views;

/// <summary>
/// The mixture's density as filled levels with contour lines between them and a colour bar,
/// the data as light ink over it.
/// </summary>
internal sealed class HeatMapView(GlPainter painter) : IPlotView
{
    /// <summary>Colour of the data drawn over the heat map (alpha: at the densest bins).</summary>
    public static readonly Vector4 DataOverlayInk = new(1, 1, 1, 0.3f);

    private static readonly Vector4 ContourInk = new(0, 0, 0, 0.45f);

    private readonly Texture2D values = painter.CreateTexture(linear: true);
    private readonly CountsTexture counts = new(painter);

    /// <summary>The layout of a 2-D view of <paramref name="data"/> in a panel: its plot
    /// area, the colour bar right of it.</summary>
    public static PlotLayout Layout(PlotPanel panel, PlotData data) => ChartLayout.Create(
        panel.Width, panel.Height, panel.Bounds, panel.Style, data.Range(data.DimX),
        data.Range(data.DimY), title: true, xLabel: true, yLabel: true,
        ColorBar.Reserve(panel.Style), panel.Settings.Aspect);

    public string Title(PlotData data) => $"Mixture density of {data.XName} and {data.YName}";

    public void Draw(PlotPanel panel, ViewFrame frame, PlotData data)
    {
        ViewSettings settings = panel.Settings;
        PlotLayout layout = Layout(panel, data);
        int gw = Math.Max(2, (int)layout.Plot.Width / 2);
        int gh = Math.Max(2, (int)layout.Plot.Height / 2);
        // Grid points at cell centres of a gw × gh texture spanning the plot area.
        double hx = (layout.XMax - layout.XMin) / gw / 2, hy = (layout.YMax - layout.YMin) / gh / 2;
        float[] density = MarginalDensity.Evaluate(panel.Backend, frame.Parameters, data, gw, gh,
            layout.XMin + hx, layout.XMax - hx, layout.YMin + hy, layout.YMax - hy);
        float max = settings.DensityScale is { } scale ? (float)scale : MaxOf(density);
        max = max > 0 && float.IsFinite(max) ? max : 1;
        // Filled levels between round edges from 0 to the first edge at or above the peak.
        Ticks edges = NiceTicks.Levels(max, Math.Max(1, settings.Levels));
        int levels = edges.Values.Count - 1;
        float top = (float)edges.Values[^1];
        values.UploadFloats(gw, gh, density);
        painter.DrawScalar(values, layout.Plot, top, log: false, levels, ChartStyle.Paper);
        if (settings.ShowData)
        {
            float most = counts.UploadBinned(data, layout.Plot, out _);
            painter.DrawOverlay(counts.Texture, layout.Plot, most, DataOverlayInk);
        }

        painter.DrawScalar(panel.Ramp, layout.ColorBar, 1, log: false, levels, ChartStyle.Paper);

        var segments = new List<(Vector2, Vector2)>();
        for (int level = 1; level < levels; level++)
        {
            Contours.Trace(density, gw, gh, (float)edges.Values[level], segments);
        }

        float sx = layout.Plot.Width / gw, sy = layout.Plot.Height / gh;
        foreach ((Vector2 a, Vector2 b) in segments)
        {
            panel.Canvas.Line(GridToPixel(layout, a, sx, sy), GridToPixel(layout, b, sx, sy),
                1.2f, ContourInk, caps: false);
        }

        Axes.Draw(panel.Canvas, panel.Text, panel.Style, layout, data.XLabel, data.YLabel);
        ColorBar.DrawLinear(panel.Canvas, panel.Text, panel.Style, layout.ColorBar, edges,
            "density");
    }

    public void Dispose()
    {
        counts.Dispose();
        values.Dispose();
    }

    private static Vector2 GridToPixel(PlotLayout layout, Vector2 g, float sx, float sy) =>
        new(layout.Plot.Left + ((g.X + 0.5f) * sx), layout.Plot.Bottom - ((g.Y + 0.5f) * sy));

    private static float MaxOf(ReadOnlySpan<float> values)
    {
        float max = 0;
        foreach (float v in values)
        {
            max = Math.Max(max, v);
        }

        return max;
    }
}
