using GmmGpu.Backends.Cpu;
using Xunit;

namespace GmmGpu.Tests.Backends;

/// <summary>
/// Issue 12, item 23: the statistics pass folds chunk partials in chunk order as they finish,
/// so it holds about two partials per worker (K·D² sums each), not one per chunk: 50 × 5000
/// data with K = 2 peaked at 4.6 GB.
/// </summary>
public class ChunkedLoopFoldTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    public void RunFolded_FoldsInChunkOrderAndHoldsFewPartials(int workers)
    {
        const int chunks = 64;
        var loop = new ChunkedLoop(workers);
        var folded = new List<int>();
        int alive = 0, mostAlive = 0;
        var random = new Random(5);
        int[] delays = [.. Enumerable.Range(0, chunks).Select(_ => random.Next(0, 4))];

        loop.RunFolded(
            (long)chunks * ChunkedLoop.ChunkRows,
            () => new object(),
            (start, _, _) =>
            {
                int chunk = (int)(start / ChunkedLoop.ChunkRows);
                Thread.Sleep(delays[chunk]);
                int now = Interlocked.Increment(ref alive);
                InterlockedMax(ref mostAlive, now);
                return new int[] { chunk };
            },
            partial =>
            {
                folded.Add(partial[0]);
                Interlocked.Decrement(ref alive);
            },
            TestContext.Current.CancellationToken);

        Assert.Equal(Enumerable.Range(0, chunks), folded);
        // Before: every chunk's partial was kept until the end (64).
        Assert.InRange(mostAlive, 1, 3 * workers);
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int seen = Volatile.Read(ref target);
        while (value > seen)
        {
            int actual = Interlocked.CompareExchange(ref target, value, seen);
            if (actual == seen)
            {
                return;
            }

            seen = actual;
        }
    }
}
