namespace GmmGpu.Viewer.Live;

/// <summary>
/// When the live window may draw the next snapshot: the wait after a frame grows with the time
/// the frame took, so drawing takes at most <paramref name="share"/> of the window thread's
/// time (a frame of t waits t·(1/share − 1)), and never less than
/// <paramref name="minimumInterval"/>. Slow frames (10M points, a big window, a loaded machine)
/// then come less often instead of taking more from EM. Times are from one clock, started
/// with EM: the first snapshot waits the minimum interval too, so a short fit runs undisturbed.
/// </summary>
internal sealed class FramePacer(TimeSpan minimumInterval, double share)
{
    private readonly TimeSpan minimumInterval = minimumInterval;
    private TimeSpan due = minimumInterval;

    /// <summary>Whether a snapshot may be drawn at <paramref name="now"/>.</summary>
    public bool IsDue(TimeSpan now) => now >= due;

    /// <summary>A frame was drawn from <paramref name="start"/> to <paramref name="end"/>.
    /// </summary>
    public void Drawn(TimeSpan start, TimeSpan end)
    {
        TimeSpan wait = (end - start) * ((1 / share) - 1);
        due = end + (wait > minimumInterval ? wait : minimumInterval);
    }
}
