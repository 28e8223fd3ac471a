using System.Numerics;
using GmmGpu.Viewer.Rendering;
using GmmGpu.Viewer.Views;

namespace GmmGpu.Viewer;

public sealed partial class MixtureRenderer
{
    /// <summary>Width of the covariance ellipses, in pixels.</summary>
    public const float EllipseWidth = 2;

    /// <summary>
    /// Width of the dark edge under each ellipse when the data is coloured by component: one
    /// and a half pixels each side (smoothed edges share pixels), so an ellipse stays visible
    /// over a dense cloud of its own colour.
    /// </summary>
    public const float EllipseOutlineWidth = EllipseWidth + 3;

    private static readonly Vector4 Empty = new(1, 1, 1, 1);

    private void DrawPoints(ViewFrame frame, PlotData data)
    {
        PlotLayout layout = PointsLayout(data);
        if (PointsWindow is null)
        {
            DrawBinnedPoints(frame, data, layout);
        }
        else
        {
            DrawSampledPoints(frame, data, layout);
        }

        clipped.Clear();
        DrawEllipses(frame.Parameters, data, layout);
        painter.Draw(clipped, layout.Plot);
        DrawFrameAndTicks(layout, xName: data.XName, yName: data.YName);
    }

    /// <summary>All the data as an image of counts, one bin per pixel.</summary>
    private void DrawBinnedPoints(ViewFrame frame, PlotData data, PlotLayout layout)
    {
        float max = UploadCounts(data, layout, out float[] binned);
        if (PointsColorBy == ColorBy.Component)
        {
            int bw = Math.Max(1, (int)layout.Plot.Width), bh = binned.Length / bw;
            float[] best = ComponentLabels.Grid(frame.Parameters, data.DimX, data.DimY, binned,
                bw, bh, (layout.XMin, layout.XMax), (layout.YMin, layout.YMax));
            labels.UploadFloats(bw, bh, best);
            painter.DrawCategorical(counts.Texture, labels, layout.Plot, max, Empty);
            DrawComponentLegend(frame.Parameters.Components, layout.ColorBar);
        }
        else
        {
            painter.DrawScalar(counts.Texture, layout.Plot, max, log: true, levels: 0, Empty);
            painter.DrawScalar(ramp, layout.ColorBar, 1, log: false, levels: 0, Background);
            RectangleF bar = layout.ColorBar;
            canvas.Text("1", bar.Right + 7, bar.Bottom - 3, 1, Ink);
            canvas.Text(Format(max), bar.Right + 7, bar.Top - 3, 1, Ink);
            canvas.Text("points", bar.Left - 6, bar.Bottom + 9, 1, Ink);
        }
    }

    /// <summary>A swatch and the index of each component, top down, as many as fit.</summary>
    private void DrawComponentLegend(int components, RectangleF bar)
    {
        const float row = 16;
        int shown = Math.Min(components, Math.Max(1, (int)(bar.Height / row)));
        for (int k = 0; k < shown; k++)
        {
            float top = bar.Top + (k * row);
            canvas.Rect(bar.Left, top, bar.Right, top + row - 4, ColorMaps.Component(k));
            canvas.Text(k.ToString(System.Globalization.CultureInfo.InvariantCulture),
                bar.Right + 7, top + 2, 1, Ink);
        }

        if (shown < components)
        {
            canvas.Text("...", bar.Right + 7, bar.Top + (shown * row), 1, Ink);
        }
    }

    private void DrawEllipses(MixtureParameters parameters, PlotData data, PlotLayout layout)
    {
        double[] means = parameters.MeansArray;
        int d = parameters.Dimensions;
        for (int k = 0; k < parameters.Components; k++)
        {
            double mx = means[(k * d) + data.DimX], my = means[(k * d) + data.DimY];
            var cov = Ellipses.Covariance2(parameters, k, data.DimX, data.DimY);
            Vector4 colour = ColorMaps.Component(k);
            for (int s = 1; s <= 3; s++)
            {
                Vector2[] points = Ellipses.Points(mx, my, cov, s, 128);
                for (int i = 0; i < points.Length; i++)
                {
                    points[i] = layout.ToPixel(points[i].X, points[i].Y);
                }

                if (PointsColorBy == ColorBy.Component)
                {
                    clipped.Polyline(points, EllipseOutlineWidth, Ink, closed: true);
                }

                clipped.Polyline(points, EllipseWidth, colour, closed: true);
            }

            Vector2 centre = layout.ToPixel(mx, my);
            clipped.Disc(centre, 5, Ink);
            clipped.Disc(centre, 3.5f, colour);
        }
    }
}
