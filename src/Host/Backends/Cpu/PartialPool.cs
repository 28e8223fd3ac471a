using System.Collections.Concurrent;
using GmmGpu.Engine;

namespace GmmGpu.Backends.Cpu;

/// <summary>
/// The chunk partials of a backend's statistics passes, kept for reuse: a pass holds only the
/// few partials of chunks not yet folded (<see cref="ChunkedLoop.RunFolded"/>), and the next
/// pass reuses them rather than allocating K·D² sums per chunk again.
/// </summary>
internal sealed class PartialPool
{
    private readonly ConcurrentBag<StatisticsPartial> free = [];

    /// <summary>A cleared partial shaped as <paramref name="statistics"/>.</summary>
    public StatisticsPartial Rent(SufficientStatistics statistics)
    {
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
        free.Add(partial);
    }
}
