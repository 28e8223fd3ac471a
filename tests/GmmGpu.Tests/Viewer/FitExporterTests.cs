using GmmGpu.Backends;
using GmmGpu.Engine;
using GmmGpu.Viewer;
using GmmGpu.Viewer.Export;
using Xunit;
using static GmmGpu.Tests.Viewer.ViewerFixtures;

namespace GmmGpu.Tests.Viewer;

public sealed class FitExporterTests : IDisposable
{
    private const int Width = 160;
    private const int Height = 120;
    private readonly IComputeBackend backend = ComputeBackends.Create(ComputeDevice.Cpu);
    private readonly PlotData data = new(Gaussian2D(5_000, 0, 0, 1, 1, seed: 11), 2);

    public void Dispose() => backend.Dispose();

    [Fact]
    public void Export_EverySnapshot_IsDrawnInOrderWhileTheFitRuns()
    {
        IterationSnapshot[] snapshots = Snapshots(8);
        var sink = new KeepingSink();
        int drawnBeforeComplete;
        using (var exporter = new FitExporter(sink, ViewKind.HeatMap, data, backend, maxQueuedBytes: 1))
        {
            foreach (IterationSnapshot snapshot in snapshots)
            {
                exporter.Report(snapshot);
            }

            // With one waiting snapshot (the byte budget admits one) and one being drawn, the
            // rest are already in the sink.
            drawnBeforeComplete = sink.Frames.Count;
            Assert.Equal(
                snapshots.Length + FitAnimation.HeldFrames,
                exporter.Complete(TestContext.Current.CancellationToken));
        }

        Assert.InRange(drawnBeforeComplete, snapshots.Length - 2, snapshots.Length);
        using var renderer = new MixtureRenderer(Width, Height, backend)
        {
            Settings = { DensityScale = AnimationScale.FromData(data) },
        };
        var history = new FitHistory();
        for (int i = 0; i < snapshots.Length; i++)
        {
            Assert.Equal(renderer.Render(ViewKind.HeatMap, history.Add(snapshots[i]), data),
                sink.Frames[i]);
        }

        Assert.Equal(sink.Frames[snapshots.Length - 1], sink.Frames[^1]);
        Assert.True(sink.Completed);
    }

    [Fact]
    public void Export_SmallSnapshots_NeverMakeTheFitWaitForTheDrawing()
    {
        using var gate = new ManualResetEventSlim();
        var sink = new KeepingSink { Gate = gate };
        IterationSnapshot[] snapshots = Snapshots(50);
        using var exporter = new FitExporter(sink, ViewKind.Curves, data, backend);

        // The drawing thread is held before its first frame, yet every report returns.
        foreach (IterationSnapshot snapshot in snapshots)
        {
            exporter.Report(snapshot);
        }

        Assert.Empty(sink.Frames);
        gate.Set();
        Assert.Equal(
            snapshots.Length + FitAnimation.HeldFrames,
            exporter.Complete(TestContext.Current.CancellationToken));
    }

    [Fact]
    public void Export_SinkFails_TheFitsNextReportThrowsItsError()
    {
        var sink = new KeepingSink { FailAt = 2 };
        using var exporter = new FitExporter(sink, ViewKind.Points, data, backend, maxQueuedBytes: 1);

        var error = Assert.Throws<IOException>(() =>
        {
            foreach (IterationSnapshot snapshot in Snapshots(20))
            {
                exporter.Report(snapshot);
            }
        });

        Assert.Contains("disk full", error.Message, StringComparison.Ordinal);
        Assert.Throws<IOException>(
            () => exporter.Complete(TestContext.Current.CancellationToken));
        Assert.False(sink.Completed);
    }

    [Fact]
    public void Export_DisposedMidFit_StopsAndCompletesNothing()
    {
        var sink = new KeepingSink();
        using (var exporter = new FitExporter(sink, ViewKind.Curves, data, backend))
        {
            exporter.Report(Snapshots(1)[0]);
        }

        Assert.False(sink.Completed);
        Assert.True(sink.Disposed);
    }

    [Fact]
    public void Export_HeatMap_HasOneColorScaleInEveryFrame()
    {
        // The component narrows frame by frame, so its peak density rises fourfold.
        IterationSnapshot[] snapshots =
        [
            .. Enumerable.Range(1, 6).Select(i => new IterationSnapshot(
                new IterationRecord(i, -3 + (0.1 * i), 0.1, 100, 120, TimeSpan.Zero),
                OneComponent(0, 0, 2.0 / (1 + (0.6 * i)), 2.0 / (1 + (0.6 * i))), 0,
                TimeSpan.Zero, 5_000)),
        ];
        var sink = new KeepingSink();
        using (var exporter = new FitExporter(sink, ViewKind.HeatMap, data, backend))
        {
            foreach (IterationSnapshot snapshot in snapshots)
            {
                exporter.Report(snapshot);
            }

            exporter.Complete(TestContext.Current.CancellationToken);
        }

        using var renderer = new MixtureRenderer(Width, Height, backend);
        PlotLayout layout = renderer.Layout(data);
        // The colour bar with its tick labels: right of the plot area, below the title (whose
        // iteration line changes frame by frame).
        int left = (int)layout.Plot.Right + 2, top = (int)layout.ColorBar.Top - 4;
        byte[] Bar(byte[] frame) => [.. Enumerable.Range(top, Height - top)
            .SelectMany(y => frame.AsSpan(((y * Width) + left) * 4, (Width - left) * 4).ToArray())];
        byte[] first = Bar(sink.Frames[0]);
        Assert.All(sink.Frames, frame => Assert.Equal(first, Bar(frame)));
        // ... while the maps themselves change.
        Assert.NotEqual(sink.Frames[0], sink.Frames[snapshots.Length - 1]);
        // Drawn alone, each frame takes its own peak: the bar's labels differ.
        Assert.NotEqual(
            Bar(renderer.Render(ViewKind.HeatMap, new ViewFrame(snapshots[0].Parameters, []),
                data)),
            Bar(renderer.Render(ViewKind.HeatMap, new ViewFrame(snapshots[^1].Parameters, []),
                data)));
    }

    /// <summary>A fit's snapshots: one component whose mean walks right.</summary>
    private static IterationSnapshot[] Snapshots(int count) =>
    [
        .. Enumerable.Range(1, count).Select(i => new IterationSnapshot(
            new IterationRecord(i, -3 + (0.1 * i), 0.1, 100, 120, TimeSpan.Zero),
            OneComponent(-1 + (0.25 * i), 0, 0.8, 0.8), 0, TimeSpan.Zero, 5_000)),
    ];

    /// <summary>Keeps every frame; throws "disk full" on frame <see cref="FailAt"/>.</summary>
    private sealed class KeepingSink() : FrameSink(FitExporterTests.Width, FitExporterTests.Height)
    {
        public List<byte[]> Frames { get; } = [];

        public int FailAt { get; init; } = -1;

        public bool Completed { get; private set; }

        public bool Disposed { get; private set; }

        public override void Complete() => Completed = true;

        /// <summary>Set to hold the drawing thread before its first frame until it is set.</summary>
        public ManualResetEventSlim? Gate { get; init; }

        protected override void AddFrame(ReadOnlySpan<byte> rgba)
        {
            Gate?.Wait(TimeSpan.FromSeconds(30));
            if (Frames.Count == FailAt)
            {
                throw new IOException("disk full");
            }

            lock (Frames)
            {
                Frames.Add(rgba.ToArray());
            }
        }

        protected override void Dispose(bool disposing) => Disposed = true;
    }
}
