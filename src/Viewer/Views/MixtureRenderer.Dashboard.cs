using GmmGpu.Viewer.Rendering;

namespace GmmGpu.Viewer;

public sealed partial class MixtureRenderer
{
    private static readonly ViewKind[] Panels2D =
        [ViewKind.HeatMap, ViewKind.Points, ViewKind.Surface, ViewKind.Curves];

    private static readonly ViewKind[] Panels1D = [ViewKind.Histogram, ViewKind.Curves];

    // Draws each panel at its own size, so that a panel is exactly that view drawn alone.
    // It shares this renderer's GL context; remade only when the panel size changes.
    private MixtureRenderer? panels;

    /// <summary>
    /// Where the dashboard draws each view for <paramref name="data"/>: a 2×2 grid (heat map,
    /// points / surface, curves) for 2 or more features, histogram and curves side by side for
    /// one. Panels are all the same size; an odd pixel row or column is left blank.
    /// </summary>
    public IReadOnlyList<DashboardPanel> DashboardLayout(PlotData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        ViewKind[] kinds = data.Columns > 1 ? Panels2D : Panels1D;
        int rows = kinds.Length / 2;
        int width = Math.Max(1, Width / 2), height = Math.Max(1, Height / rows);
        return [.. kinds.Select((kind, i) =>
            new DashboardPanel(kind, i % 2 * width, i / 2 * height, width, height))];
    }

    private void DrawDashboard(ViewFrame frame, PlotData data)
    {
        IReadOnlyList<DashboardPanel> layout = DashboardLayout(data);
        MixtureRenderer renderer = PanelRenderer(layout[0].Width, layout[0].Height);
        foreach (DashboardPanel panel in layout)
        {
            renderer.Draw(panel.Kind, frame, data);
            renderer.painter.CopyTo(painter, panel.Left, panel.Top);
            textBoxes.AddRange(renderer.TextBoxes.Select(b => new RectangleF(
                b.Left + panel.Left, b.Top + panel.Top, b.Right + panel.Left,
                b.Bottom + panel.Top)));
        }
    }

    /// <summary>The panels' renderer at the given size, with this renderer's settings.</summary>
    private MixtureRenderer PanelRenderer(int width, int height)
    {
        if (panels is null || panels.Width != width || panels.Height != height)
        {
            panels?.Dispose();
            panels = null;
            panels = new MixtureRenderer(width, height, backend, context);
        }

        panels.SurfaceCamera = SurfaceCamera;
        panels.PointsColorBy = PointsColorBy;
        panels.PointsWindow = PointsWindow;
        panels.Levels = Levels;
        panels.ShowData = ShowData;
        return panels;
    }
}
