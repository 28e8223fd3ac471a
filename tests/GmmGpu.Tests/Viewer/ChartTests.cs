using GmmGpu.Backends;
using GmmGpu.Cli;
using GmmGpu.Data;
using GmmGpu.Engine;
using GmmGpu.Tests.Data;
using GmmGpu.Viewer;
using GmmGpu.Viewer.Chart;
using GmmGpu.Viewer.Rendering;
using Xunit;
using static GmmGpu.Tests.Viewer.ViewerFixtures;

namespace GmmGpu.Tests.Viewer;

/// <summary>The chart furniture: text, its layout, and the labels it carries.</summary>
public sealed class ChartTests : IDisposable
{
    private static readonly IterationRecord[] History =
    [
        new(1, -3.1, double.PositiveInfinity, 1500.5, 1540.25, TimeSpan.Zero),
        new(2, -2.9, 0.2, 1400.75, 1440.5, TimeSpan.Zero),
        new(3, -2.85, 0.05, 1395.0, 1435.0, TimeSpan.Zero),
    ];

    private readonly IComputeBackend backend = ComputeBackends.Create(ComputeDevice.Cpu);

    public void Dispose() => backend.Dispose();

    public static TheoryData<int, int, ViewKind, bool> Views()
    {
        var data = new TheoryData<int, int, ViewKind, bool>();
        foreach ((int w, int h) in new[] { (640, 480), (1280, 720), (1920, 1080) })
        {
            foreach (ViewKind kind in Enum.GetValues<ViewKind>())
            {
                data.Add(w, h, kind, false);
            }

            data.Add(w, h, ViewKind.Points, true);
            data.Add(w, h, ViewKind.Dashboard, true);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Views))]
    public void Render_EveryView_TextBoxesLieInsideAndNeverOverlap(
        int width, int height, ViewKind kind, bool variant)
    {
        // variant: the points coloured by component; a dashboard of 1-D data.
        bool oneFeature = kind == ViewKind.Histogram || (kind == ViewKind.Dashboard && variant);
        PlotData data = oneFeature
            ? new PlotData(Mixture1D(20_000, 0.6, -1, 0.5, 2, 0.8, seed: 40), 1)
            : new PlotData(Gaussian2D(20_000, 1.0, -0.5, 0.8, 0.5, seed: 41), 2);
        MixtureParameters parameters = oneFeature
            ? new MixtureParameters(CovarianceType.Diagonal, 2, 1, [0.6, 0.4], [-1, 2],
                [0.25, 0.64])
            : new MixtureParameters(CovarianceType.Diagonal, 3, 2, [0.5, 0.3, 0.2],
                [1.3, -0.2, 0.5, 0.1, 1.5, -0.9], [0.6, 0.25, 0.3, 0.2, 0.2, 0.1]);
        using var renderer = new MixtureRenderer(width, height, backend);
        renderer.Settings.PointsColorBy = variant ? ColorBy.Component : ColorBy.Density;

        renderer.Render(kind, new ViewFrame(parameters, History), data);

        IReadOnlyList<RectangleF> boxes = renderer.TextBoxes;
        // Title and iteration line, two axis labels, ticks: a frame without them failed.
        Assert.True(boxes.Count >= 8, $"only {boxes.Count} pieces of text");
        foreach (RectangleF box in boxes)
        {
            Assert.True(box.Left >= 0 && box.Top >= 0 && box.Right <= width
                && box.Bottom <= height, $"{box} leaves the {width}x{height} picture");
        }

        for (int i = 0; i < boxes.Count; i++)
        {
            for (int j = i + 1; j < boxes.Count; j++)
            {
                Assert.False(TextLayer.Overlap(boxes[i], boxes[j]),
                    $"text at {boxes[i]} overlaps text at {boxes[j]}");
            }
        }
    }

    [Theory]
    [InlineData(640, 480)]
    [InlineData(1280, 720)]
    public void Render_Title_IsAntiAliasedAndAsTallAsItsFont(int width, int height)
    {
        var data = new PlotData(Gaussian2D(5_000, 0, 0, 1, 1, seed: 42), 2);
        using var renderer = new MixtureRenderer(width, height, backend);
        byte[] rgba = renderer.Render(ViewKind.HeatMap, Frame(OneComponent(0, 0, 1, 1)), data);
        // The first text drawn is the title, "Mixture density of x0 and x1": 'y' descends.
        RectangleF box = renderer.TextBoxes[0];
        int size = renderer.Style.TitleText;
        int inked = 0, partial = 0, top = int.MaxValue, bottom = -1;
        for (int y = (int)box.Top; y < (int)box.Bottom; y++)
        {
            for (int x = (int)box.Left; x < (int)box.Right; x++)
            {
                byte grey = Pixel(rgba, width, x, y).G;
                if (grey < 250)
                {
                    inked++;
                    (top, bottom) = (Math.Min(top, y), Math.Max(bottom, y));
                }

                partial += grey is > 60 and < 230 ? 1 : 0;
            }
        }

        Assert.True(inked > 10 * size, $"only {inked} pixels of ink in the title");
        // Smooth edges: many pixels between the ink (38) and the paper (255).
        Assert.True(partial > inked / 5, $"{partial} of {inked} inked pixels are edge greys");
        // Ascenders (M, d, f) to descender (y): about one em.
        Assert.InRange(bottom - top + 1, 0.85 * size, 1.15 * size);
        // The descender goes below the baseline (glyphs are drawn on whole pixels).
        float baseline = MathF.Round(box.Top) + MathF.Round(GlyphAtlas.Get(size).Ascent);
        Assert.True(bottom + 1 - baseline >= 0.15 * size, $"ink ends at row {bottom}, the "
            + $"baseline is at {baseline}: no descender");
    }

    [Fact]
    public void TextSize_GrowsWithThePicture()
    {
        Assert.Equal(11, Chart(640, 480).Text);
        Assert.InRange(Chart(1280, 720).Text, 13, 16);
        Assert.True(Chart(1920, 1080).Text > Chart(1280, 720).Text);

        static ChartStyle Chart(int w, int h) => ChartStyle.For(w, h);
    }

    [Fact]
    public void PlotData_FromCsvHeader_NamesTheAxesAndTheTitle()
    {
        using var files = new TestFiles();
        string csv = files.WriteText("people.csv",
            "age,height_cm,weight_kg\n31,172,70\n45,160,62\n27,181,80\n52,168,75\n");

        PlotData named = ViewOptions.PlotData("--dims", DataReader.Read(csv), "1,2");
        PlotData chosen = ViewOptions.PlotData("--dims",
            DataReader.Read(csv, ["weight_kg", "age"]), null);
        string plain = files.WriteText("plain.csv", "31,172,70\n45,160,62\n27,181,80\n");
        PlotData unnamed = ViewOptions.PlotData("--dims", DataReader.Read(plain), "2,0");

        Assert.Equal(("height_cm", "weight_kg"), (named.XLabel, named.YLabel));
        Assert.Equal(("weight_kg", "age"), (chosen.XLabel, chosen.YLabel));
        Assert.Equal(("x2", "x0"), (unnamed.XLabel, unnamed.YLabel));
        using var renderer = new MixtureRenderer(640, 480, backend);
        var model = new MixtureParameters(CovarianceType.Spherical, 1, 3, [1.0],
            [35, 170, 70], [100.0]);
        renderer.Render(ViewKind.HeatMap, Frame(model), named);
        // The x label is drawn centred under the plot at its measured width.
        RectangleF plot = renderer.Layout(named).Plot;
        float width = TextLayer.Measure("height_cm", renderer.Style.Text);
        Assert.Contains(renderer.TextBoxes, b => Math.Abs(b.Width - width) < 0.5f
            && Math.Abs(((b.Left + b.Right) / 2) - ((plot.Left + plot.Right) / 2)) < 1
            && b.Top > plot.Bottom);
    }

    [Fact]
    public void PlotData_OnPrincipalAxes_LabelsCarryTheShareOfVariance()
    {
        // Independent features with deviations 3, 1 and 0.5: variances 9, 1 and 0.25, so the
        // top two axes hold 9 / 10.25 = 88% and 1 / 10.25 = 10% of the variance.
        var random = new Random(43);
        var values = new float[3 * 50_000];
        double[] deviations = [3, 1, 0.5];
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = (float)(deviations[i % 3] * Normal(random));
        }

        PlotData data = PlotData.OnPrincipalAxes(values, 3);

        Assert.Equal("PC1 (88% of variance)", data.XLabel);
        Assert.Equal("PC2 (10% of variance)", data.YLabel);
        Assert.Equal(("PC1", "PC2"), (data.XName, data.YName));
    }

    private static double Normal(Random random)
    {
        double u = 1 - random.NextDouble(), v = random.NextDouble();
        return Math.Sqrt(-2 * Math.Log(u)) * Math.Cos(2 * Math.PI * v);
    }
}
