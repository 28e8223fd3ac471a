using GmmGpu.Viewer.Rendering;

namespace GmmGpu.Viewer;

public sealed partial class MixtureRenderer
{
    private static readonly ViewKind[] Panels2D =
        [ViewKind.HeatMap, ViewKind.Points, ViewKind.Surface, ViewKind.Curves];

    private static readonly ViewKind[] Panels1D = [ViewKind.Histogram, ViewKind.Curves];

    // Draws each panel at its own size, so that a panel is exactly that view drawn alone.
    // They share this renderer's GL context; one per panel size, remade when sizes change.
    private readonly Dictionary<(int Width, int Height), MixtureRenderer> panels = [];

    /// <summary>
    /// Where the dashboard draws each view for <paramref name="data"/>: a 2×2 grid (heat map,
    /// points / surface, curves) for 2 or more features, histogram and curves side by side for
    /// one. Without <paramref name="curves"/> (a model with no fit history) there is no curves
    /// panel: the heat map takes the left half and points over surface the right; the histogram
    /// takes the whole frame. An odd pixel row or column is left blank.
    /// </summary>
    public IReadOnlyList<DashboardPanel> DashboardLayout(PlotData data, bool curves = true)
    {
        ArgumentNullException.ThrowIfNull(data);
        int halfWidth = Math.Max(1, Width / 2), halfHeight = Math.Max(1, Height / 2);
        if (!curves)
        {
            return data.Columns > 1
                ?
                [
                    new DashboardPanel(ViewKind.HeatMap, 0, 0, halfWidth, Height),
                    new DashboardPanel(ViewKind.Points, halfWidth, 0, halfWidth, halfHeight),
                    new DashboardPanel(
                        ViewKind.Surface, halfWidth, halfHeight, halfWidth, halfHeight),
                ]
                : [new DashboardPanel(ViewKind.Histogram, 0, 0, Width, Height)];
        }

        ViewKind[] kinds = data.Columns > 1 ? Panels2D : Panels1D;
        int rows = kinds.Length / 2;
        int height = Math.Max(1, Height / rows);
        return [.. kinds.Select((kind, i) =>
            new DashboardPanel(kind, i % 2 * halfWidth, i / 2 * height, halfWidth, height))];
    }

    private void DrawDashboard(ViewFrame frame, PlotData data)
    {
        IReadOnlyList<DashboardPanel> layout = DashboardLayout(data, frame.History.Count > 0);
        foreach (DashboardPanel panel in layout)
        {
            MixtureRenderer renderer = PanelRenderer(panel.Width, panel.Height, layout);
            renderer.Draw(panel.Kind, frame, data);
            renderer.painter.CopyTo(painter, panel.Left, panel.Top);
            textBoxes.AddRange(renderer.TextBoxes.Select(b => new RectangleF(
                b.Left + panel.Left, b.Top + panel.Top, b.Right + panel.Left,
                b.Bottom + panel.Top)));
        }
    }

    /// <summary>
    /// The renderer of panels of the given size, with this renderer's settings; renderers of
    /// sizes <paramref name="layout"/> no longer has are let go.
    /// </summary>
    private MixtureRenderer PanelRenderer(
        int width, int height, IReadOnlyList<DashboardPanel> layout)
    {
        foreach ((int Width, int Height) size in panels.Keys.ToArray())
        {
            if (!layout.Any(p => p.Width == size.Width && p.Height == size.Height))
            {
                panels[size].Dispose();
                panels.Remove(size);
            }
        }

        if (!panels.TryGetValue((width, height), out MixtureRenderer? renderer))
        {
            renderer = new MixtureRenderer(width, height, backend, context);
            panels[(width, height)] = renderer;
        }

        renderer.SurfaceCamera = SurfaceCamera;
        renderer.PointsColorBy = PointsColorBy;
        renderer.PointsWindow = PointsWindow;
        renderer.Levels = Levels;
        renderer.Aspect = Aspect;
        renderer.ShowData = ShowData;
        renderer.DensityScale = DensityScale;
        return renderer;
    }
}
