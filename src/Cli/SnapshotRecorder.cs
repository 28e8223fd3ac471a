namespace GmmGpu.Cli;

/// <summary>
/// Keeps every snapshot of a fit, in order, and passes each on; EM never waits on drawing.
/// </summary>
internal sealed class SnapshotRecorder(IProgress<IterationSnapshot> inner)
    : IProgress<IterationSnapshot>
{
    private readonly List<IterationSnapshot> snapshots = [];

    public IReadOnlyList<IterationSnapshot> Snapshots => snapshots;

    public void Report(IterationSnapshot value)
    {
        snapshots.Add(value);
        inner.Report(value);
    }
}
