using GmmGpu.Engine;

namespace GmmGpu.Backends.Cpu;

/// <summary>One chunk's float64 sums; chunks are added into the total in chunk order.</summary>
internal sealed class StatisticsPartial
{
    private readonly SufficientStatistics? total;

    public StatisticsPartial(int components, int dimensions, PrecisionForm form)
    {
        Nk = new double[components];
        Sk = new double[components * dimensions];
        Qk = new double[components * form.SecondMomentLength(dimensions)];
    }

    /// <summary>The first chunk's partial: its sums are written straight into the cleared
    /// <paramref name="total"/> (folded first, into zeros, it would only be copied there).
    /// </summary>
    private StatisticsPartial(SufficientStatistics total)
    {
        this.total = total;
        Nk = total.Nk;
        Sk = total.Sk;
        Qk = total.Qk;
    }

    public double[] Nk { get; }

    public double[] Sk { get; }

    public double[] Qk { get; }

    public double LogLikelihood { get; set; }

    /// <summary>Whether the sums are the total's own arrays (<see cref="Into"/>).</summary>
    public bool IsTotal => total is not null;

    /// <summary>
    /// The partial of the first chunk of a pass, whose sums are those of the cleared
    /// <paramref name="total"/>: nothing is allocated or added for it.
    /// </summary>
    public static StatisticsPartial Into(SufficientStatistics total) => new(total);

    /// <summary>Whether this partial has the shape of <paramref name="statistics"/>.</summary>
    public bool Fits(SufficientStatistics statistics) =>
        Nk.Length == statistics.Nk.Length && Sk.Length == statistics.Sk.Length
        && Qk.Length == statistics.Qk.Length;

    /// <summary>Adds this chunk's sums into <paramref name="statistics"/> (chunks in order).
    /// </summary>
    public void AddTo(SufficientStatistics statistics)
    {
        if (!ReferenceEquals(total, statistics))
        {
            Add(Nk, statistics.Nk);
            Add(Sk, statistics.Sk);
            Add(Qk, statistics.Qk);
        }

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
