using System.Numerics;
using GmmGpu.Viewer.Chart;
using GmmGpu.Viewer.Rendering;

namespace GmmGpu.Viewer.Views;

/// <summary>
/// The mixture's density as a lit 3-D surface over the data's density on the floor, inside a
/// box with axes on both features and on density, and a colour bar.
/// </summary>
internal sealed class SurfaceView : IPlotView
{
    private const int SurfaceGrid = 128;

    /// <summary>Bins of the data on the floor, per side.</summary>
    private const int FloorBins = 256;

    /// <summary>Height of the surface at the density's maximum (the floor is at 0).</summary>
    private const float SurfaceScale = 0.9f;

    /// <summary>
    /// With the data shown, the surface is this opaque, and fades out smoothly where the density
    /// falls under this share of its maximum, so the data on the floor shows beside and through
    /// it with no hard rim where the surface stops.
    /// </summary>
    private const float SurfaceAlpha = 0.85f, SurfaceFade = 0.05f;

    /// <summary>
    /// Room around the surface's box, as a share of the plot area's smaller side, for the
    /// labels of its axes.
    /// </summary>
    private const float SurfaceMargin = 0.06f;

    private static readonly Vector4 FloorColor = new(0.93f, 0.93f, 0.93f, 1);

    private static readonly Vector4 FloorInk = new(0.12f, 0.16f, 0.3f, 0.9f);

    private readonly GlPainter painter;
    private readonly CountsTexture floorCounts;
    private readonly uint[] triangles = new uint[(SurfaceGrid - 1) * (SurfaceGrid - 1) * 6];

    public SurfaceView(GlPainter painter)
    {
        this.painter = painter;
        floorCounts = new CountsTexture(painter);
    }

    public string Title(PlotData data) => $"Density surface of {data.XName} and {data.YName}";

    public void Dispose() => floorCounts.Dispose();

    /// <summary>
    /// The pixel where the surface view draws data point (x, y) at <paramref name="height"/>
    /// (0: the floor; 1: the density's maximum).
    /// </summary>
    public static Vector2 Pixel(
        PlotPanel panel, PlotData data, double x, double y, double height = 0)
    {
        (double xMin, double xMax) = data.Range(data.DimX);
        (double yMin, double yMax) = data.Range(data.DimY);
        var p = new Vector3((float)((2 * (x - xMin) / (xMax - xMin)) - 1),
            (float)((2 * (y - yMin) / (yMax - yMin)) - 1), (float)height * SurfaceScale);
        return Pixel(panel, ViewProjection(panel, data), p);
    }

    public void Draw(PlotPanel panel, ViewFrame frame, PlotData data)
    {
        ViewSettings settings = panel.Settings;
        (double xMin, double xMax) = data.Range(data.DimX);
        (double yMin, double yMax) = data.Range(data.DimY);
        const int n = SurfaceGrid;
        float[] density = MarginalDensity.Evaluate(
            panel.Backend, frame.Parameters, data, n, n, xMin, xMax, yMin, yMax);
        float max = settings.DensityScale is { } fixedMax ? (float)fixedMax : density.Max();
        max = max > 0 && float.IsFinite(max) ? max : 1;
        var heights = new float[n * n];
        for (int i = 0; i < heights.Length; i++)
        {
            // A fixed scale may lie below a frame's peak: the box holds the surface.
            heights[i] = Math.Min(density[i] / max, 1);
        }

        float[] vertices = SurfaceMesh.Vertices(heights, n, SurfaceScale);
        Matrix4x4 camera = ViewProjection(panel, data);
        var light = new Vector3(0.4f, -0.3f, 1);
        (float alpha, float fade) = settings.ShowData ? (SurfaceAlpha, SurfaceFade) : (1f, 0f);
        if (settings.ShowData)
        {
            floorCounts.UploadBinned(data, FloorBins, FloorBins);
            painter.DrawFloor(
                floorCounts.Texture, floorCounts.Max, camera, 0, FloorColor, FloorInk);
        }

        // Cells too faint to show are left out: the same pixels, fewer triangles to set up.
        int count = SurfaceMesh.Triangles(
            heights, n, SurfaceMesh.Invisible(alpha, fade), triangles);
        painter.DrawSurface(vertices, triangles.AsSpan(0, count), camera, light, alpha, fade);

        Vector2 Project(Vector3 p) => Pixel(panel, camera, p);
        ChartStyle style = panel.Style;
        SurfaceAxes.Draw(panel.Canvas, panel.Text, style, Project, (xMin, xMax), (yMin, yMax), max,
            SurfaceScale, data.XLabel, data.YLabel);
        RectangleF bar = BarBeside(panel, camera, Floor(panel, data));
        painter.DrawScalar(panel.Ramp, bar, 1, log: false, levels: 0, ChartStyle.Paper);
        int most = Math.Clamp((int)(bar.Height / (2.2f * style.Line)), 2, 10);
        ColorBar.DrawLinear(panel.Canvas, panel.Text, style, bar, NiceTicks.Create(0, max, most),
            "density", top: max);
    }

    /// <summary>
    /// The pixel rectangle the surface's box is fitted into: the 2-D views' plot area (room
    /// for the title and a colour bar) less a margin for the box's axis labels.
    /// </summary>
    public static RectangleF Area(PlotPanel panel)
    {
        RectangleF plot = Layout(panel).Plot;
        float margin = Math.Max(12, SurfaceMargin * Math.Min(plot.Width, plot.Height));
        return new RectangleF(plot.Left + margin, plot.Top + margin,
            plot.Right - margin, plot.Bottom - margin);
    }

    /// <summary>View × projection of the settings' camera for this frame, its box
    /// framed inside <see cref="Area"/>; with <see cref="Aspect.Equal"/> the box's floor
    /// is narrowed along the feature of smaller range, so both have one scale.</summary>
    private static Matrix4x4 ViewProjection(PlotPanel panel, PlotData data) =>
        SurfaceFraming.ViewProjection(panel.Settings.SurfaceCamera, panel.Width,
            panel.Height, Area(panel), SurfaceScale, Floor(panel, data));

    /// <summary>Half the floor's sides: 1 each, or with <see cref="Aspect.Equal"/> in the
    /// ratio of the two features' ranges.</summary>
    private static Vector2 Floor(PlotPanel panel, PlotData data)
    {
        (double xMin, double xMax) = data.Range(data.DimX);
        (double yMin, double yMax) = data.Range(data.DimY);
        double xSpan = xMax - xMin, ySpan = yMax - yMin, longer = Math.Max(xSpan, ySpan);
        return panel.Settings.Aspect == Aspect.Equal && xSpan > 0 && ySpan > 0
            ? new Vector2((float)(xSpan / longer), (float)(ySpan / longer)) : Vector2.One;
    }

    /// <summary>
    /// The colour bar beside the box (not at the panel's right edge, far from a box that
    /// fills the height and not the width): right of where the box can reach and of every
    /// label drawn so far, as tall as the box's reach, within the layout's own bar.
    /// </summary>
    private static RectangleF BarBeside(PlotPanel panel, Matrix4x4 camera, Vector2 floor)
    {
        ChartStyle style = panel.Style;
        PlotLayout layout = Layout(panel);
        RectangleF outline = SurfaceFraming.Outline(
            camera, panel.Width, panel.Height, SurfaceScale, floor);
        RectangleF area = Area(panel);
        float right = outline.Right + (area.Left - layout.Plot.Left);
        foreach (RectangleF box in panel.Text.Boxes)
        {
            // Labels of the box (not the title above the plot area).
            if (box.Top >= layout.Plot.Top)
            {
                right = Math.Max(right, box.Right);
            }
        }

        float left = Math.Min(layout.ColorBar.Left, right + (1.2f * style.Text));
        float top = Math.Max(layout.ColorBar.Top, outline.Top);
        float bottom = Math.Min(layout.ColorBar.Bottom, outline.Bottom);
        if (bottom - top < 6 * style.Line)
        {
            (top, bottom) = (layout.ColorBar.Top, layout.ColorBar.Bottom);
        }

        return new RectangleF(left, top, left + layout.ColorBar.Width, bottom);
    }

    /// <summary>The 2-D views' layout of a frame: its plot area holds the surface's box, its
    /// colour bar the density's.</summary>
    private static PlotLayout Layout(PlotPanel panel) => ChartLayout.Create(panel.Width,
        panel.Height, panel.Bounds, panel.Style, (0, 1), (0, 1), title: true, xLabel: true,
        yLabel: true, ColorBar.Reserve(panel.Style));

    /// <summary>The pixel of a point of the surface's box seen through a view × projection.
    /// </summary>
    private static Vector2 Pixel(PlotPanel panel, Matrix4x4 viewProjection, Vector3 p)
    {
        Vector4 clip = Vector4.Transform(new Vector4(p, 1), viewProjection);
        return new Vector2((clip.X / clip.W + 1) / 2 * panel.Width,
            (1 - (clip.Y / clip.W)) / 2 * panel.Height);
    }
}
