using GmmGpu.Distributed;
using Xunit;

namespace GmmGpu.Tests.Distributed;

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

    public void Broadcast(Span<double> values, int root) =>
        group.Reduce(rank, values, (a, _) => a, root);

    public void Barrier() => group.Wait();

    public void Abort(int exitCode) => throw new InvalidOperationException($"abort {exitCode}");

    public void Dispose()
    {
    }

    /// <summary>
    /// Runs <paramref name="body"/> on <paramref name="size"/> threads, one a rank; returns each
    /// rank's result or the exception it threw.
    /// </summary>
    public static (T? Result, Exception? Error)[] Run<T>(int size, Func<ICommunicator, T> body)
    {
        var group = new Group(size);
        var outcomes = new (T? Result, Exception? Error)[size];
        Thread[] threads = Enumerable.Range(0, size).Select(r => new Thread(() =>
        {
            try
            {
                outcomes[r] = (body(new ThreadCommunicator(group, r)), null);
            }
            catch (Exception e)
            {
                outcomes[r] = (default, e);
            }
        })
        {
            // A rank that hangs outside a collective must not keep the test process alive.
            IsBackground = true,
        }).ToArray();
        foreach (Thread thread in threads)
        {
            thread.Start();
        }

        foreach (Thread thread in threads)
        {
            Assert.True(
                thread.Join(TimeSpan.FromSeconds(120)),
                "a rank did not finish: a collective hangs.");
        }

        return outcomes;
    }

    /// <summary>Runs <paramref name="body"/> on every rank and returns the results; throws the
    /// first failing rank's exception.</summary>
    public static T[] RunAll<T>(int size, Func<ICommunicator, T> body)
    {
        (T? Result, Exception? Error)[] outcomes = Run(size, body);
        Exception? error = outcomes.Select(o => o.Error).FirstOrDefault(e => e is not null);
        return error is null
            ? outcomes.Select(o => o.Result!).ToArray()
            : throw new InvalidOperationException("a rank failed: " + error.Message, error);
    }

    internal sealed class Group(int size)
    {
        private readonly double[][] slots = new double[size][];

        public int Size => size;

        private readonly Barrier barrier = new(size);

        /// <summary>
        /// Waits for every rank; a rank that never comes is a hang, reported as such.
        /// </summary>
        public void Wait()
        {
            if (!barrier.SignalAndWait(TimeSpan.FromSeconds(60)))
            {
                throw new TimeoutException("A collective waited 60 s for a rank that never came.");
            }
        }

        public void Reduce(
            int rank, Span<double> values, Func<double, double, double> reduce, int? root = null)
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
