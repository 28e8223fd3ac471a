using GmmGpu.Viewer;
using GmmGpu.Viewer.Chart;
using GmmGpu.Viewer.Rendering;
using GmmGpu.Viewer.Views;
using Xunit;
using static GmmGpu.Tests.Viewer.ViewerFixtures;

namespace GmmGpu.Tests.Viewer;

/// <summary>Curves: drawn from a history, left out (and said so) without one.</summary>
public sealed partial class RenderingTests
{
    /// <summary>EM-like figures: a first iteration far below, then a slow rise.</summary>
    private static readonly IterationRecord[] LongHistory = [.. Enumerable.Range(1, 12)
        .Select(i => new IterationRecord(i, i == 1 ? -40 : -3 + (0.5 * (1 - Math.Pow(0.6, i))),
            i == 1 ? double.PositiveInfinity : 0.1, 1000 - (10 * i), 1100 - (10 * i),
            TimeSpan.Zero))];

    [Fact]
    public void CurveRange_LeavesTheFirstIterationOut_SoTheRestFillsTheAxis()
    {
        double[] values = [.. LongHistory.Select(r => r.LogLikelihood)];
        (double min, double max) = CurveRange.Of(values);
        double rest = values.Skip(1).Max() - values.Skip(1).Min();

        Assert.True(min > -40, "the first iteration's outlier set the range");
        Assert.InRange(max - min, rest, 1.2 * rest);
        Assert.Equal((4.0, 6.0), CurveRange.Of([5.0, 5.0, 5.0]));
        Assert.Equal((-1.0, 1.0), CurveRange.Of([]));
    }

    [Fact]
    public void Curves_WithHistory_DrawTheCurveOverMostOfThePanel()
    {
        var data = new PlotData(Gaussian2D(1_000, 0, 0, 1, 1, seed: 40), 2);
        var frame = new ViewFrame(OneComponent(0, 0, 1, 1), LongHistory);
        byte[] rgba = renderer.Render(ViewKind.Curves, frame, data);
        var color = ColorMaps.Component(0);
        var ink = ((byte)(color.X * 255), (byte)(color.Y * 255), (byte)(color.Z * 255));

        // The log-likelihood curve (the top half): its rows span much of its plot, as the
        // first iteration does not squash iterations 2..12 against the top.
        int[] rows = [.. Enumerable.Range(0, Height / 2)
            .Where(y => Enumerable.Range(0, Width).Any(x => Pixel(rgba, Width, x, y) == ink))];
        Assert.NotEmpty(rows);
        Assert.True(rows.Max() - rows.Min() > Height / 2 / 2,
            $"the curve spans rows {rows.Min()}..{rows.Max()} only");
    }

    [Fact]
    public void Curves_LargeFitOnADashboardPanel_AicAxisReadsThreeTicksAndItsScale()
    {
        // 200,000 points: AIC and BIC near 2e6, which once read as one tick ("2.0e6").
        IterationRecord[] history = [.. Enumerable.Range(1, 6).Select(i => new IterationRecord(
            i, -4.85 - (0.4 * Math.Pow(0.4, i)), 0.1, 1.94e6 + (1.5e5 * Math.Pow(0.4, i - 2)),
            1.9403e6 + (1.5e5 * Math.Pow(0.4, i - 2)), TimeSpan.Zero))];
        var data = new PlotData(Gaussian2D(1_000, 0, 0, 1, 1, seed: 44), 2);
        using var panel = new MixtureRenderer(Width / 2, Height / 2, backend);

        panel.Render(ViewKind.Curves, new ViewFrame(OneComponent(0, 0, 1, 1), history), data);

        IReadOnlyList<RectangleF> boxes = panel.TextBoxes;
        // The y tick labels end at one x, the plots' left edge less a tick: the column of right
        // edges that most boxes share in the left third.
        float column = boxes.Where(b => b.Left < Width / 6).GroupBy(b => MathF.Round(b.Right))
            .MaxBy(g => g.Count())!.Key;
        RectangleF[] lower = [.. boxes.Where(b =>
            MathF.Round(b.Right) == column && b.Top > Height / 4)];
        // Three ticks and the scale above them ("×1e6").
        Assert.True(lower.Length >= 4, $"{lower.Length} labels on the AIC axis");
        for (int i = 0; i < boxes.Count; i++)
        {
            for (int j = i + 1; j < boxes.Count; j++)
            {
                Assert.False(TextLayer.Overlap(boxes[i], boxes[j]),
                    $"text at {boxes[i]} overlaps text at {boxes[j]}");
            }
        }
    }

    [Fact]
    public void Curves_WithoutHistory_DrawNoAxes()
    {
        var data = new PlotData(Gaussian2D(1_000, 0, 0, 1, 1, seed: 41), 2);
        byte[] rgba = renderer.Render(ViewKind.Curves, Frame(OneComponent(0, 0, 1, 1)), data);

        // No frame of a plot: no long run of dark pixels along any row.
        for (int y = 0; y < Height; y++)
        {
            int run = 0, longest = 0;
            for (int x = 0; x < Width; x++)
            {
                var p = Pixel(rgba, Width, x, y);
                run = p.R < 128 ? run + 1 : 0;
                longest = Math.Max(longest, run);
            }

            Assert.True(longest < 40, $"row {y} has a line {longest} pixels long");
        }
    }

    [Fact]
    public void Dashboard_WithoutHistory_HasNoCurvesPanel()
    {
        var data = new PlotData(Gaussian2D(20_000, 1.0, -0.5, 0.8, 0.5, seed: 42), 2);
        var frame = Frame(OneComponent(1.3, -0.2, 0.8, 0.5));
        byte[] dashboard = renderer.Render(ViewKind.Dashboard, frame, data);
        IReadOnlyList<DashboardPanel> panels = renderer.DashboardLayout(data, curves: false);

        Assert.Equal([ViewKind.HeatMap, ViewKind.Points, ViewKind.Surface],
            panels.Select(p => p.Kind));
        foreach (DashboardPanel panel in panels)
        {
            using var alone = new MixtureRenderer(panel.Width, panel.Height, backend);
            AssertDrawnAlone(
                alone.Render(panel.Kind, frame, data), Crop(dashboard, panel), panel.Kind);
        }

        var oneFeature = new PlotData(Mixture1D(2_000, 0.5, -1, 0.5, 2, 0.8, seed: 43), 1);
        Assert.Equal([new DashboardPanel(ViewKind.Histogram, 0, 0, Width, Height)],
            renderer.DashboardLayout(oneFeature, curves: false));
    }
}
