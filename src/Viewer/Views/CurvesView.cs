using System.Numerics;
using GmmGpu.Viewer.Chart;
using GmmGpu.Viewer.Rendering;

namespace GmmGpu.Viewer.Views;

/// <summary>
/// The fit's history: log-likelihood per iteration in one plot, AIC and BIC in another, their
/// iterations aligned; without a history, a line saying so.
/// </summary>
internal sealed class CurvesView : IPlotView
{
    /// <summary>What the curves view says when the model carries no fit history.</summary>
    public const string NoHistoryMessage =
        "no fit history: this model was saved without its per-iteration figures";

    public string Title(PlotData data) => "Fit: log-likelihood, AIC and BIC per iteration";

    public void Dispose()
    {
    }

    public void Draw(PlotPanel panel, ViewFrame frame, PlotData data)
    {
        IReadOnlyList<IterationRecord> history = frame.History;
        ChartStyle style = panel.Style;
        if (history.Count == 0)
        {
            // No axes with made-up ranges: say why there is nothing to draw.
            panel.Text.Draw(NoHistoryMessage, style.Text, panel.Width / 2f, panel.Height / 2f,
                Align.Centre, Align.Centre, ChartStyle.Ink);
            return;
        }

        (string Name, Func<IterationRecord, double> Value)[] series =
        [
            ("log-likelihood per point", r => r.LogLikelihood),
            ("AIC", r => r.Aic),
            ("BIC", r => r.Bic),
        ];

        // AIC and BIC share a plot: the same units, a constant apart, and a third plot would
        // leave each too short for more than one tick on a dashboard panel.
        int[][] plots = [[0], [1, 2]];
        // The last plot's region also holds the iterations' ticks and label: so much taller,
        // so the plots themselves are as tall as each other.
        float top = Chart.Title.Height(style);
        float iterations = (2 * style.Line) + ChartStyle.LabelGap + (style.Pad * 0.3f);
        float each = Math.Max(1, (panel.Height - top - iterations) / plots.Length);
        var layouts = new PlotLayout[plots.Length];
        for (int p = 0; p < plots.Length; p++)
        {
            float panelTop = top + (p * each);
            double[][] values =
                [.. plots[p].Select(s => history.Select(series[s].Value).ToArray())];
            (double Min, double Max)[] ranges = [.. values.Select(v => CurveRange.Of(v))];
            (double yMin, double yMax) = (ranges.Min(r => r.Min), ranges.Max(r => r.Max));

            // Under the plot's name; the iterations are labelled once, under the last plot, as
            // matplotlib's shared x.
            bool last = p == plots.Length - 1;
            float panelBottom = panelTop + each + (last ? iterations : 0);
            var region = new RectangleF(0, panelTop + style.Line, panel.Width, panelBottom);
            layouts[p] = ChartLayout.Create(panel.Width, panel.Height, region, style,
                (0.5, Math.Max(history.Count, 1) + 0.5), (yMin, yMax), title: false,
                xLabel: last, yLabel: false, rightWidth: 0, xTickLabels: last);
        }

        // One left edge for the plots, so their iterations line up.
        float left = layouts.Max(l => l.Plot.Left);
        for (int p = 0; p < plots.Length; p++)
        {
            PlotLayout layout = layouts[p] with { Plot = layouts[p].Plot with { Left = left } };
            float x = left, y = layout.Plot.Top - (style.Line * 0.5f) - (style.Pad * 0.5f);
            for (int n = 0; n < plots[p].Length; n++)
            {
                int s = plots[p][n];
                // Each name in its curve's colour when a plot holds several: the legend.
                Vector4 ink = plots[p].Length > 1 ? ColorMaps.Component(s) : ChartStyle.Ink;
                x = panel.Text.Draw(series[s].Name, style.Text, x, y, Align.Start, Align.End,
                    ink).Right + style.Text;
                // Earlier curves wider, so one drawn over another (AIC and BIC a constant
                // apart lie on one line at most scales) still shows as an edge around it.
                float width = 2 + (2 * (plots[p].Length - 1 - n));
                DrawCurve(panel, layout, history, [.. history.Select(series[s].Value)],
                    ColorMaps.Component(s), width);
            }

            bool last = p == plots.Length - 1;
            Axes.Draw(panel.Canvas, panel.Text, style, layout, last ? "iteration" : null, null,
                integersX: true, xTickLabels: last);
        }
    }

    /// <summary>
    /// One curve with a marker per iteration, clipped to the plot area; a point off the scale
    /// (see <see cref="CurveRange"/>) is a triangle on the edge, pointing the way it lies.
    /// </summary>
    private static void DrawCurve(PlotPanel panel, PlotLayout layout,
        IReadOnlyList<IterationRecord> history, double[] values, Vector4 color, float width)
    {
        RectangleF plot = layout.Plot;
        Canvas canvas = panel.Canvas, clipped = panel.Clipped;
        var points = new List<Vector2>();
        clipped.Clear();
        for (int i = 0; i < history.Count; i++)
        {
            if (!double.IsFinite(values[i]))
            {
                continue;
            }

            Vector2 p = layout.ToPixel(history[i].Iteration, values[i]);
            points.Add(p);
            if (p.Y < plot.Top || p.Y > plot.Bottom)
            {
                // Tip on the edge, base inside the plot.
                float tip = p.Y < plot.Top ? plot.Top + 1 : plot.Bottom - 1;
                float bottom = p.Y < plot.Top ? tip + 8 : tip - 8;
                canvas.Triangle(new Vector2(p.X, tip), new Vector2(p.X - 5, bottom),
                    new Vector2(p.X + 5, bottom), color);
            }
            else
            {
                clipped.Disc(p, 2.75f, color);
            }
        }

        clipped.Polyline(points.ToArray(), width, color, closed: false);
        panel.Painter.Draw(clipped, plot);
    }
}
