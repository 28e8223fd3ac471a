namespace GmmGpu.Distributed;

/// <summary>
/// A job of one process: rank 0 of size 1, whose collectives leave the values as they are.
/// </summary>
public sealed class SingleProcessCommunicator : ICommunicator
{
    private SingleProcessCommunicator()
    {
    }

    /// <summary>The one instance; it holds no resources, so disposing it does nothing.</summary>
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
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="root"/> is not 0.</exception>
    public void Broadcast(Span<double> values, int root) =>
        ArgumentOutOfRangeException.ThrowIfNotEqual(root, 0);

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
