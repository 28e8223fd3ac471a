namespace GmmGpu.Distributed;

/// <summary>One process: every collective leaves the values as they are.</summary>
public sealed class SingleProcessCommunicator : ICommunicator
{
    /// <summary>The one instance.</summary>
    public static SingleProcessCommunicator Instance { get; } = new();

    /// <inheritdoc/>
    public int Rank => 0;

    /// <inheritdoc/>
    public int Size => 1;

    /// <inheritdoc/>
    public void AllReduceSum(Span<double> values)
    {
    }

    /// <inheritdoc/>
    public void AllReduceMin(Span<double> values)
    {
    }

    /// <inheritdoc/>
    public void AllReduceMax(Span<double> values)
    {
    }

    /// <inheritdoc/>
    public void Broadcast(Span<double> values, int root)
    {
    }

    /// <inheritdoc/>
    public void Barrier()
    {
    }

    /// <inheritdoc/>
    public void Abort(int exitCode) => Environment.Exit(exitCode);

    /// <inheritdoc/>
    public void Dispose()
    {
    }
}
