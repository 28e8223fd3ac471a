using System.Collections.Concurrent;
using GmmGpu.Engine;

namespace GmmGpu.Backends.Cpu;

/// <summary>
/// The chunk partials of a backend's statistics passes, kept for reuse: a pass holds only the
/// few partials of chunks not yet folded (<see cref="ChunkedLoop.RunFolded"/>), and the next
/// pass reuses them rather than allocating K·D² sums per chunk again. The first chunk needs
/// none: it writes into the total (data of one chunk, as wide data is, holds no partial).
/// </summary>
internal sealed class PartialPool
{
    private readonly ConcurrentBag<StatisticsPartial> free = [];

    /// <summary>
    /// A cleared partial shaped as <paramref name="statistics"/> (cleared, and folded into in
    /// chunk order) for the chunk that starts at row <paramref name="start"/>.
    /// </summary>
    public StatisticsPartial Rent(SufficientStatistics statistics, long start)
    {
        if (start == 0)
        {
            return StatisticsPartial.Into(statistics);
        }

        while (free.TryTake(out StatisticsPartial? partial))
        {
            if (partial.Fits(statistics))
            {
                partial.Clear();
                return partial;
            }
        }

        return new StatisticsPartial(statistics.Components, statistics.Dimensions, statistics.Form);
    }

    /// <summary>Folds <paramref name="partial"/> into <paramref name="statistics"/>, then keeps it
    /// for reuse.</summary>
    public void Fold(StatisticsPartial partial, SufficientStatistics statistics)
    {
        partial.AddTo(statistics);
        if (!partial.IsTotal)
        {
            free.Add(partial);
        }
    }
}
