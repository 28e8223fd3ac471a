using System.Numerics;
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
        float top = 12 + (8 * PlotLayout.TitleScale) + 12, bottom = Height - 30;
        float gap = 26, panel = (bottom - top - (2 * gap)) / 3;
        for (int s = 0; s < series.Length; s++)
        {
            float panelTop = top + (s * (panel + gap));
            double[] ys = [.. history.Select(series[s].Value).Where(double.IsFinite)];
            double yMin = ys.Length > 0 ? ys.Min() : 0, yMax = ys.Length > 0 ? ys.Max() : 1;
            if (!(yMax > yMin))
            {
                (yMin, yMax) = (yMin - 1, yMax + 1);
            }

            double pad = 0.08 * (yMax - yMin);
            var layout = new PlotLayout(Width, Height,
                new RectangleF(90, panelTop + 12, Width - 30, panelTop + panel),
                default, 0.5, Math.Max(history.Count, 1) + 0.5, yMin - pad, yMax + pad);
            canvas.Text(series[s].Name, 90, panelTop, 1, Ink);
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

            DrawFrameAndTicks(layout, wholeX: true);
        }
    }
}
