using System.Numerics;
using GmmGpu.Viewer.Rendering;
using GmmGpu.Viewer.Views;

namespace GmmGpu.Viewer;

public sealed partial class MixtureRenderer
{
    /// <summary>What the curves view says when the model carries no fit history.</summary>
    public const string NoHistoryMessage =
        "no fit history: this model was saved without its per-iteration figures";

    private void DrawCurves(ViewFrame frame)
    {
        IReadOnlyList<IterationRecord> history = frame.History;
        if (history.Count == 0)
        {
            // No axes with made-up ranges: say why there is nothing to draw.
            float width = Canvas.TextWidth(NoHistoryMessage, 1);
            canvas.Text(NoHistoryMessage, (Width - width) / 2, Height / 2f, 1, Ink);
            return;
        }

        (string Name, Func<IterationRecord, double> Value)[] series =
        [
            ("log-likelihood per point", r => r.LogLikelihood),
            ("AIC", r => r.Aic),
            ("BIC", r => r.Bic),
        ];
        float top = 12 + (8 * PlotLayout.TitleScale) + 12, bottom = Height - 30;
        float gap = 26, panel = (bottom - top - (2 * gap)) / 3;
        for (int s = 0; s < series.Length; s++)
        {
            float panelTop = top + (s * (panel + gap));
            double[] values = [.. history.Select(series[s].Value)];
            (double yMin, double yMax) = CurveRange.Of(values);
            var layout = new PlotLayout(Width, Height,
                new RectangleF(90, panelTop + 12, Width - 30, panelTop + panel),
                default, 0.5, Math.Max(history.Count, 1) + 0.5, yMin, yMax);
            canvas.Text(series[s].Name, 90, panelTop, 1, Ink);
            DrawCurve(layout, history, values, ColorMaps.Component(s));
            DrawFrameAndTicks(layout, wholeX: true);
        }
    }

    /// <summary>
    /// One curve with a marker per iteration, clipped to the plot area; a point off the scale
    /// (see <see cref="CurveRange"/>) is a triangle on the edge, pointing the way it lies.
    /// </summary>
    private void DrawCurve(PlotLayout layout, IReadOnlyList<IterationRecord> history,
        double[] values, Vector4 colour)
    {
        RectangleF plot = layout.Plot;
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
                    new Vector2(p.X + 5, bottom), colour);
            }
            else
            {
                clipped.Disc(p, 2.75f, colour);
            }
        }

        clipped.Polyline(points.ToArray(), 2, colour, closed: false);
        painter.Draw(clipped, plot);
    }
}
