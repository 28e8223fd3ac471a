using GmmGpu.Distributed;
using Xunit;

namespace GmmGpu.Tests.Data;

/// <summary>
/// Simulates <c>size</c> processes as threads of one test: each gets a communicator of its
/// rank, and an all-reduce combines every thread's values over a barrier.
/// </summary>
internal sealed class ThreadCommunicators
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
    private readonly Lock gate = new();
    private readonly Barrier barrier;
    private double[]? pending;
    private double[] result = [];

    private ThreadCommunicators(int size)
    {
        // Runs once every thread has arrived, before any leaves: the combined values become
        // the result, and the next collective starts afresh.
        barrier = new Barrier(size, _ =>
        {
            result = pending ?? [];
            pending = null;
        });
    }

    /// <summary>
    /// Runs <paramref name="body"/> on <paramref name="size"/> threads, one a rank; returns each
    /// rank's result or the exception it threw.
    /// </summary>
    public static (T? Result, Exception? Error)[] Run<T>(int size, Func<ICommunicator, T> body)
    {
        var group = new ThreadCommunicators(size);
        var outcomes = new (T? Result, Exception? Error)[size];
        Thread[] threads = Enumerable.Range(0, size).Select(rank => new Thread(() =>
        {
            try
            {
                outcomes[rank] = (body(new Member(group, rank, size)), null);
            }
            catch (Exception error)
            {
                outcomes[rank] = (default, error);
            }
        })).ToArray();
        foreach (Thread thread in threads)
        {
            thread.Start();
        }

        foreach (Thread thread in threads)
        {
            Assert.True(thread.Join(Timeout * 2), "a rank did not finish: a collective hangs.");
        }

        return outcomes;
    }

    /// <summary>Runs <paramref name="body"/> on every rank and returns the results; throws the
    /// first rank's exception if any failed.</summary>
    public static T[] RunAll<T>(int size, Func<ICommunicator, T> body)
    {
        (T? Result, Exception? Error)[] outcomes = Run(size, body);
        Exception? error = outcomes.Select(o => o.Error).FirstOrDefault(e => e is not null);
        return error is null
            ? outcomes.Select(o => o.Result!).ToArray()
            : throw new InvalidOperationException("a rank failed: " + error.Message, error);
    }

    private void AllReduce(Span<double> values, Func<double, double, double> combine)
    {
        lock (gate)
        {
            if (pending is null)
            {
                pending = values.ToArray();
            }
            else
            {
                for (int i = 0; i < values.Length; i++)
                {
                    pending[i] = combine(pending[i], values[i]);
                }
            }
        }

        Wait();
        result.CopyTo(values);
    }

    private void Wait()
    {
        if (!barrier.SignalAndWait(Timeout))
        {
            throw new TimeoutException("the other ranks did not reach the collective.");
        }
    }

    private sealed class Member(ThreadCommunicators group, int rank, int size) : ICommunicator
    {
        public int Rank => rank;

        public int Size => size;

        public void AllReduceSum(Span<double> values) => group.AllReduce(values, (a, b) => a + b);

        public void AllReduceMin(Span<double> values) => group.AllReduce(values, Math.Min);

        public void AllReduceMax(Span<double> values) => group.AllReduce(values, Math.Max);

        public void Broadcast(Span<double> values, int root) =>
            throw new NotSupportedException("the row-source tests need no broadcast.");

        public void Barrier() => group.Wait();

        public void Abort(int exitCode) =>
            throw new NotSupportedException("the row-source tests never abort.");

        public void Dispose()
        {
        }
    }
}
