using System.Numerics;
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
        float max = MaxOf(density);
        max = max > 0 && float.IsFinite(max) ? max : 1;
        values.UploadFloats(gw, gh, density);
        painter.DrawScalar(values, layout.Plot, max, log: false, Levels, Background);
        if (ShowData)
        {
            float most = UploadCounts(data, layout, out _);
            painter.DrawOverlay(counts.Texture, layout.Plot, most, DataOverlayInk);
        }

        painter.DrawScalar(ramp, layout.ColorBar, 1, log: false, Levels, Background);

        var segments = new List<(Vector2, Vector2)>();
        for (int level = 1; level < Levels; level++)
        {
            Contours.Trace(density, gw, gh, max * level / Levels, segments);
        }

        float sx = layout.Plot.Width / gw, sy = layout.Plot.Height / gh;
        foreach ((Vector2 a, Vector2 b) in segments)
        {
            canvas.Line(
                GridToPixel(layout, a, sx, sy), GridToPixel(layout, b, sx, sy), 1.2f, ContourInk,
                caps: false);
        }

        DrawFrameAndTicks(layout, xName: data.XName, yName: data.YName);
        RectangleF bar = layout.ColorBar;
        for (int i = 0; i <= 4; i++)
        {
            float y = bar.Bottom - (i / 4f * bar.Height);
            string label = Format(max * i / 4);
            canvas.Line(new Vector2(bar.Right, y), new Vector2(bar.Right + 4, y), 1, Ink);
            canvas.Text(label, bar.Right + 7, y - 3, 1, Ink);
        }
    }

    private static Vector2 GridToPixel(PlotLayout layout, Vector2 g, float sx, float sy) =>
        new(layout.Plot.Left + ((g.X + 0.5f) * sx), layout.Plot.Bottom - ((g.Y + 0.5f) * sy));
}
