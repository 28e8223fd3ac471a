namespace GmmGpu.Viewer;

/// <summary>
/// Turns a fit's snapshots, in order, into the frames that draw them: each frame carries the
/// iterations so far of its initialisation. Not thread-safe.
/// </summary>
public sealed class FitHistory
{
    private readonly List<IterationRecord> records = [];
    private int initialization = -1;

    /// <summary>The frame of <paramref name="snapshot"/>, the next snapshot of the fit.</summary>
    public ViewFrame Add(IterationSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        if (snapshot.Initialization != initialization)
        {
            records.Clear();
            initialization = snapshot.Initialization;
        }

        records.Add(snapshot.Record);
        return new ViewFrame(snapshot.Parameters, records.ToArray());
    }
}
