using System.Numerics;
using GmmGpu.Viewer.Chart;
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

    private const string ComponentHeading = "component: weight";

    private static readonly Vector4 Empty = new(1, 1, 1, 1);

    private void DrawPoints(ViewFrame frame, PlotData data)
    {
        PlotLayout layout = PointsLayout(data);
        // The components' colours (of the ellipses, and of the points when coloured by
        // component) head the column right of the plot; a colour bar of counts fills the rest.
        float legendBottom = Legend.Draw(canvas, text, Style, layout.ColorBar.Left,
            layout.Plot.Top, layout.Plot.Top + (layout.Plot.Height * 0.55f), ComponentHeading,
            Legend.Components(frame.Parameters), boxed: false);
        RectangleF bar = layout.ColorBar with { Top = legendBottom + (2 * Style.Pad) };
        if (PointsWindow is null)
        {
            DrawBinnedPoints(frame, data, layout, bar);
        }
        else
        {
            DrawSampledPoints(frame, data, layout);
        }

        clipped.Clear();
        DrawEllipses(frame.Parameters, data, layout);
        painter.Draw(clipped, layout.Plot);
        Axes.Draw(canvas, text, Style, layout, data.XLabel, data.YLabel);
    }

    /// <summary>All the data as an image of counts, one bin per pixel.</summary>
    private void DrawBinnedPoints(ViewFrame frame, PlotData data, PlotLayout layout,
        RectangleF bar)
    {
        float max = UploadCounts(data, layout, out float[] binned);
        if (PointsColorBy == ColorBy.Component)
        {
            int bw = Math.Max(1, (int)layout.Plot.Width), bh = binned.Length / bw;
            float[] best = ComponentLabels.Grid(frame.Parameters, data.DimX, data.DimY, binned,
                bw, bh, (layout.XMin, layout.XMax), (layout.YMin, layout.YMax));
            labels.UploadFloats(bw, bh, best);
            painter.DrawCategorical(counts.Texture, labels, layout.Plot, max, Empty);
        }
        else
        {
            painter.DrawScalar(counts.Texture, layout.Plot, max, log: true, levels: 0, Empty);
            painter.DrawScalar(ramp, bar, 1, log: false, levels: 0, Background);
            ColorBar.DrawLog(canvas, text, Style, bar, max, "points per bin (log)");
        }
    }

    private void DrawEllipses(MixtureParameters parameters, PlotData data, PlotLayout layout)
    {
        double[] means = parameters.MeansArray;
        int d = parameters.Dimensions;
        for (int k = 0; k < parameters.Components; k++)
        {
            double mx = means[(k * d) + data.DimX], my = means[(k * d) + data.DimY];
            var cov = parameters.MarginalCovariance(k, data.DimX, data.DimY);
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
