using System.Numerics;
using GmmGpu.Viewer.Chart;
using GmmGpu.Viewer.Rendering;
using GmmGpu.Viewer.Views;

namespace GmmGpu.Viewer;

public sealed partial class MixtureRenderer
{
    private static readonly Vector4 ContourInk = new(0, 0, 0, 0.45f);

    private void DrawHeatMap(ViewFrame frame, PlotData data)
    {
        PlotLayout layout = Layout(data);
        int gw = Math.Max(2, (int)layout.Plot.Width / 2);
        int gh = Math.Max(2, (int)layout.Plot.Height / 2);
        // Grid points at cell centres of a gw × gh texture spanning the plot area.
        double hx = (layout.XMax - layout.XMin) / gw / 2, hy = (layout.YMax - layout.YMin) / gh / 2;
        float[] density = EvaluateDensity(frame.Parameters, data, gw, gh,
            layout.XMin + hx, layout.XMax - hx, layout.YMin + hy, layout.YMax - hy);
        float max = DensityScale is { } scale ? (float)scale : MaxOf(density);
        max = max > 0 && float.IsFinite(max) ? max : 1;
        // Filled levels between round edges from 0 to the first edge at or above the peak.
        Ticks edges = NiceTicks.Levels(max, Math.Max(1, Levels));
        int levels = edges.Values.Count - 1;
        float top = (float)edges.Values[^1];
        values.UploadFloats(gw, gh, density);
        painter.DrawScalar(values, layout.Plot, top, log: false, levels, Background);
        if (ShowData)
        {
            float most = UploadCounts(data, layout, out _);
            painter.DrawOverlay(counts.Texture, layout.Plot, most, DataOverlayInk);
        }

        painter.DrawScalar(ramp, layout.ColorBar, 1, log: false, levels, Background);

        var segments = new List<(Vector2, Vector2)>();
        for (int level = 1; level < levels; level++)
        {
            Contours.Trace(density, gw, gh, (float)edges.Values[level], segments);
        }

        float sx = layout.Plot.Width / gw, sy = layout.Plot.Height / gh;
        foreach ((Vector2 a, Vector2 b) in segments)
        {
            canvas.Line(
                GridToPixel(layout, a, sx, sy), GridToPixel(layout, b, sx, sy), 1.2f, ContourInk,
                caps: false);
        }

        Axes.Draw(canvas, text, Style, layout, data.XLabel, data.YLabel);
        ColorBar.DrawLinear(canvas, text, Style, layout.ColorBar, edges, "density");
    }

    private static Vector2 GridToPixel(PlotLayout layout, Vector2 g, float sx, float sy) =>
        new(layout.Plot.Left + ((g.X + 0.5f) * sx), layout.Plot.Bottom - ((g.Y + 0.5f) * sy));
}
