using GmmGpu.Distributed;

namespace GmmGpu.Tests.Passes;

/// <summary>
/// Ranks as threads of one process, for specifying the distributed passes without MPI: each
/// collective puts every rank's values side by side, then each rank reduces them in rank order.
/// </summary>
internal sealed class ThreadCommunicator(ThreadCommunicator.Group group, int rank) : ICommunicator
{
    public int Rank => rank;

    public int Size => group.Size;

    public void AllReduceSum(Span<double> values) => group.Reduce(rank, values, (a, b) => a + b);

    public void AllReduceMin(Span<double> values) => group.Reduce(rank, values, Math.Min);

    public void AllReduceMax(Span<double> values) => group.Reduce(rank, values, Math.Max);

    public void Broadcast(Span<double> values, int root) => group.Reduce(rank, values, (a, _) => a, root);

    public void Barrier() => group.Wait();

    public void Abort(int exitCode) => throw new InvalidOperationException($"abort {exitCode}");

    public void Dispose()
    {
    }

    /// <summary>Runs <paramref name="body"/> on <paramref name="size"/> ranks and returns each result.</summary>
    public static T[] Run<T>(int size, Func<ICommunicator, T> body)
    {
        var group = new Group(size);
        var results = new T[size];
        var failures = new Exception?[size];
        Thread[] threads = Enumerable.Range(0, size).Select(r => new Thread(() =>
        {
            try
            {
                results[r] = body(new ThreadCommunicator(group, r));
            }
            catch (Exception e)
            {
                failures[r] = e;
            }
        })).ToArray();
        foreach (Thread thread in threads)
        {
            thread.Start();
        }

        foreach (Thread thread in threads)
        {
            if (!thread.Join(TimeSpan.FromSeconds(120)))
            {
                throw new TimeoutException("A rank did not finish: a collective is waiting forever.");
            }
        }

        if (failures.Any(f => f is not null))
        {
            throw new AggregateException(failures.Select((f, r) => f ?? new RankOk(r)));
        }

        return results;
    }

    /// <summary>Marks a rank that did not fail, in the AggregateException of a run where one did.</summary>
    internal sealed class RankOk(int rank) : Exception($"rank {rank} finished");

    internal sealed class Group(int size)
    {
        private readonly double[][] slots = new double[size][];

        public int Size => size;

        private readonly Barrier barrier = new(size);

        /// <summary>Waits for every rank; a rank that never comes is a hang, reported as such.</summary>
        public void Wait()
        {
            if (!barrier.SignalAndWait(TimeSpan.FromSeconds(60)))
            {
                throw new TimeoutException("A collective waited 60 s for a rank that never came.");
            }
        }

        public void Reduce(int rank, Span<double> values, Func<double, double, double> reduce, int? root = null)
        {
            slots[rank] = values.ToArray();
            Wait();
            for (int i = 0; i < values.Length; i++)
            {
                double result = slots[root ?? 0][i];
                for (int r = 1; root is null && r < size; r++)
                {
                    result = reduce(result, slots[r][i]);
                }

                values[i] = result;
            }

            Wait();
        }
    }
}
