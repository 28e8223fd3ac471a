using GmmGpu.Engine;

namespace GmmGpu.Backends.Cpu;

/// <summary>One chunk's float64 sums; chunks are added into the total in chunk order.</summary>
internal sealed class StatisticsPartial(int components, int dimensions, PrecisionForm form)
{
    public double[] Nk { get; } = new double[components];

    public double[] Sk { get; } = new double[components * dimensions];

    public double[] Qk { get; } = new double[components * form.SecondMomentLength(dimensions)];

    public double LogLikelihood { get; set; }

    /// <summary>Whether this partial has the shape of <paramref name="statistics"/>.</summary>
    public bool Fits(SufficientStatistics statistics) =>
        Nk.Length == statistics.Nk.Length && Sk.Length == statistics.Sk.Length
        && Qk.Length == statistics.Qk.Length;

    /// <summary>Adds this chunk's sums into <paramref name="statistics"/> (chunks in order).
    /// </summary>
    public void AddTo(SufficientStatistics statistics)
    {
        Add(Nk, statistics.Nk);
        Add(Sk, statistics.Sk);
        Add(Qk, statistics.Qk);
        statistics.LogLikelihood += LogLikelihood;
    }

    /// <summary>Zeroes every sum, for reuse.</summary>
    public void Clear()
    {
        Array.Clear(Nk);
        Array.Clear(Sk);
        Array.Clear(Qk);
        LogLikelihood = 0;
    }

    private static void Add(ReadOnlySpan<double> source, Span<double> target)
    {
        for (int i = 0; i < source.Length; i++)
        {
            target[i] += source[i];
        }
    }
}
