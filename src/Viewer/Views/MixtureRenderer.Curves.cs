using System.Numerics;
using GmmGpu.Viewer.Chart;
using GmmGpu.Viewer.Rendering;

namespace GmmGpu.Viewer;

public sealed partial class MixtureRenderer
{
    private void DrawCurves(ViewFrame frame)
    {
        IReadOnlyList<IterationRecord> history = frame.History;
        (string Name, Func<IterationRecord, double> Value)[] series =
        [
            ("log-likelihood per point", r => r.LogLikelihood),
            ("AIC", r => r.Aic),
            ("BIC", r => r.Bic),
        ];
        float top = Title.Height(Style), panel = (Height - top) / series.Length;
        var layouts = new PlotLayout[series.Length];
        for (int s = 0; s < series.Length; s++)
        {
            float panelTop = top + (s * panel);
            double[] ys = [.. history.Select(series[s].Value).Where(double.IsFinite)];
            double yMin = ys.Length > 0 ? ys.Min() : 0, yMax = ys.Length > 0 ? ys.Max() : 1;
            if (!(yMax > yMin))
            {
                (yMin, yMax) = (yMin - 1, yMax + 1);
            }

            double pad = 0.08 * (yMax - yMin);
            // Under the series' name; the x axis is named once, under the last series.
            var region = new RectangleF(0, panelTop + Style.Line, Width, panelTop + panel);
            layouts[s] = ChartLayout.Create(Width, Height, region, Style,
                (0.5, Math.Max(history.Count, 1) + 0.5), (yMin - pad, yMax + pad), title: false,
                xLabel: s == series.Length - 1, yLabel: false, rightWidth: 0);
        }

        // One left edge for the three plots, so their iterations line up.
        float left = layouts.Max(l => l.Plot.Left);
        for (int s = 0; s < series.Length; s++)
        {
            PlotLayout layout = layouts[s] with { Plot = layouts[s].Plot with { Left = left } };
            text.Draw(series[s].Name, Style.Text, left, layout.Plot.Top - (Style.Line * 0.5f)
                - (Style.Pad * 0.5f), Align.Start, Align.End, Ink);
            var points = new List<Vector2>();
            foreach (IterationRecord record in history)
            {
                double y = series[s].Value(record);
                if (double.IsFinite(y))
                {
                    points.Add(layout.ToPixel(record.Iteration, y));
                }
            }

            Vector4 colour = ColorMaps.Component(s);
            canvas.Polyline(points.ToArray(), 2, colour, closed: false);
            foreach (Vector2 p in points)
            {
                canvas.Rect(p.X - 2.5f, p.Y - 2.5f, p.X + 2.5f, p.Y + 2.5f, colour);
            }

            Axes.Draw(canvas, text, Style, layout, s == series.Length - 1 ? "iteration" : null,
                null, integersX: true);
        }
    }
}
