namespace GmmGpu.Distributed;

/// <summary>
/// The processes of one fit and the collectives EM needs from them: element-wise all-reduce
/// of float64 vectors (every process gets the result) and broadcast. A single process is a
/// communicator of size 1 whose collectives leave the values as they are.
/// </summary>
public interface ICommunicator : IDisposable
{
    /// <summary>This process's 0-based rank, in [0, <see cref="Size"/>).</summary>
    int Rank { get; }

    /// <summary>Number of processes, ≥ 1.</summary>
    int Size { get; }

    /// <summary>Replaces each element with its sum over every process.</summary>
    void AllReduceSum(Span<double> values);

    /// <summary>Replaces each element with its minimum over every process.</summary>
    void AllReduceMin(Span<double> values);

    /// <summary>Replaces each element with its maximum over every process.</summary>
    void AllReduceMax(Span<double> values);

    /// <summary>Copies <paramref name="root"/>'s values to every process.</summary>
    void Broadcast(Span<double> values, int root);

    /// <summary>Waits until every process has called it.</summary>
    void Barrier();

    /// <summary>
    /// Ends every process of the job at once with <paramref name="exitCode"/> (MPI_Abort); for
    /// failures that the other processes cannot learn of in a collective.
    /// </summary>
    void Abort(int exitCode);
}
