namespace GmmGpu.Distributed;

/// <summary>
/// Work that every process does at the same point, followed by one all-reduce that tells each
/// whether any failed, so that no process waits forever in a collective another has left.
/// </summary>
public static class Agreement
{
    /// <summary>
    /// Runs this process's <paramref name="work"/>, then learns the lowest failing rank; if any
    /// failed, every process throws <see cref="RankFailedException"/> (the failing one with its
    /// own error, prefixed "rank R: " when there are several processes).
    /// </summary>
    /// <exception cref="RankFailedException">A process failed.</exception>
    public static void Run(ICommunicator communicator, Action work)
    {
        ArgumentNullException.ThrowIfNull(communicator);
        ArgumentNullException.ThrowIfNull(work);
        if (communicator.Size == 1)
        {
            work();
            return;
        }

        Exception? failure = null;
        try
        {
            work();
        }
        catch (Exception e)
        {
            // Out of memory included: the other processes must still learn of it.
            failure = e;
        }

        // A rank that only learnt of another's failure (in a collective of its own) did not
        // fail itself: the lowest rank that really failed reports.
        bool failedHere = failure is not null and not RankFailedException { IsLocal: false };
        double[] failed = [failedHere ? communicator.Rank : communicator.Size];
        communicator.AllReduceMin(failed);
        var rank = (int)failed[0];
        if (rank == communicator.Size)
        {
            return;
        }

        if (rank == communicator.Rank && failure is RankFailedException)
        {
            // Already this rank's own failure, reported by an inner agreement.
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(failure);
        }

        throw rank == communicator.Rank
            ? new RankFailedException(rank, $"rank {rank}: {failure!.Message}", failure)
            : new RankFailedException(rank, $"rank {rank} failed; its message says why.");
    }

    /// <summary>
    /// As <see cref="Run(ICommunicator, Action)"/>, for work that returns a value.
    /// </summary>
    public static T Run<T>(ICommunicator communicator, Func<T> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        T result = default!;
        Run(communicator, () => { result = work(); });
        return result;
    }
}
