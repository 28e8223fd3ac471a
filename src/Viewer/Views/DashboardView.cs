namespace GmmGpu.Viewer.Views;

/// <summary>
/// Several views at once, each drawn into its own panel of the frame, titled and laid out as
/// when it is drawn alone at that size: a composition of the renderer's views, which share
/// its settings.
/// </summary>
internal sealed class DashboardView(
    ViewResources resources, IReadOnlyDictionary<ViewKind, IPlotView> views)
{
    private static readonly ViewKind[] Panels2D =
        [ViewKind.HeatMap, ViewKind.Points, ViewKind.Surface, ViewKind.Curves];

    private static readonly ViewKind[] Panels1D = [ViewKind.Histogram, ViewKind.Curves];

    /// <summary>
    /// Where the dashboard draws each view for <paramref name="data"/> in a frame of
    /// <paramref name="width"/> × <paramref name="height"/>: a 2×2 grid (heat map, points /
    /// surface, curves) for 2 or more features, histogram and curves side by side for one.
    /// Without <paramref name="curves"/> (a model with no fit history) there is no curves
    /// panel: the heat map takes the left half and points over surface the right; the histogram
    /// takes the whole frame. An odd pixel row or column is left blank.
    /// </summary>
    public static IReadOnlyList<DashboardPanel> Layout(
        int width, int height, PlotData data, bool curves)
    {
        int halfWidth = Math.Max(1, width / 2), halfHeight = Math.Max(1, height / 2);
        if (!curves)
        {
            return data.Columns > 1
                ?
                [
                    new DashboardPanel(ViewKind.HeatMap, 0, 0, halfWidth, height),
                    new DashboardPanel(ViewKind.Points, halfWidth, 0, halfWidth, halfHeight),
                    new DashboardPanel(
                        ViewKind.Surface, halfWidth, halfHeight, halfWidth, halfHeight),
                ]
                : [new DashboardPanel(ViewKind.Histogram, 0, 0, width, height)];
        }

        ViewKind[] kinds = data.Columns > 1 ? Panels2D : Panels1D;
        int rows = kinds.Length / 2;
        int rowHeight = Math.Max(1, height / rows);
        return [.. kinds.Select((kind, i) => new DashboardPanel(
            kind, i % 2 * halfWidth, i / 2 * rowHeight, halfWidth, rowHeight))];
    }

    /// <summary>Draws every panel of <see cref="Layout"/> for a frame of
    /// <paramref name="width"/> × <paramref name="height"/>.</summary>
    public void Draw(int width, int height, ViewFrame frame, PlotData data)
    {
        foreach (DashboardPanel p in Layout(width, height, data, frame.History.Count > 0))
        {
            resources.Draw(views[p.Kind], resources.Panel(p.Left, p.Top, p.Width, p.Height),
                frame, data);
        }
    }
}
