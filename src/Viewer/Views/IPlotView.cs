namespace GmmGpu.Viewer.Views;

/// <summary>
/// One view (heat map, points, histogram, surface, curves): owns the GL objects only it uses
/// and draws a frame of a mixture over its data into a panel, with the chart furniture of
/// <see cref="Chart"/>. The panel's title is drawn for it, from <see cref="Title"/>.
/// </summary>
internal interface IPlotView : IDisposable
{
    /// <summary>What the view shows, of which features: the first line of its title.</summary>
    string Title(PlotData data);

    /// <summary>Draws <paramref name="frame"/> (its model already on the data's axes) into
    /// <paramref name="panel"/>, whose title is drawn.</summary>
    void Draw(PlotPanel panel, ViewFrame frame, PlotData data);
}
