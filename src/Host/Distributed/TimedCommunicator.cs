using System.Diagnostics;

namespace GmmGpu.Distributed;

/// <summary>
/// A communicator that measures the time spent in its collectives (waiting for the slowest
/// process included), to report the all-reduce's share of an iteration.
/// </summary>
public sealed class TimedCommunicator(ICommunicator inner) : ICommunicator
{
    private readonly Stopwatch clock = new();

    /// <summary>Time spent in collectives so far.</summary>
    public TimeSpan Elapsed => clock.Elapsed;

    /// <summary>Collectives called so far.</summary>
    public long Calls { get; private set; }

    /// <inheritdoc/>
    public int Rank => inner.Rank;

    /// <inheritdoc/>
    public int Size => inner.Size;

    /// <inheritdoc/>
    public void AllReduceSum(Span<double> values)
    {
        Start();
        inner.AllReduceSum(values);
        clock.Stop();
    }

    /// <inheritdoc/>
    public void AllReduceMin(Span<double> values)
    {
        Start();
        inner.AllReduceMin(values);
        clock.Stop();
    }

    /// <inheritdoc/>
    public void AllReduceMax(Span<double> values)
    {
        Start();
        inner.AllReduceMax(values);
        clock.Stop();
    }

    /// <inheritdoc/>
    public void Broadcast(Span<double> values, int root)
    {
        Start();
        inner.Broadcast(values, root);
        clock.Stop();
    }

    /// <inheritdoc/>
    public void Barrier()
    {
        Start();
        inner.Barrier();
        clock.Stop();
    }

    /// <inheritdoc/>
    public void Abort(int exitCode) => inner.Abort(exitCode);

    /// <summary>Does not dispose the inner communicator: its owner does.</summary>
    public void Dispose()
    {
    }

    private void Start()
    {
        Calls++;
        clock.Start();
    }
}
