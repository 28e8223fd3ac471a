using GmmGpu.Engine;

namespace GmmGpu.Backends.Cpu;

/// <summary>One chunk's float64 sums; chunks are added into the total in chunk order.</summary>
internal sealed class StatisticsPartial(int components, int dimensions, PrecisionForm form)
{
    public double[] Nk { get; } = new double[components];

    public double[] Sk { get; } = new double[components * dimensions];

    public double[] Qk { get; } = new double[components * form.SecondMomentLength(dimensions)];

    public double LogLikelihood { get; set; }

    /// <summary>Clears <paramref name="statistics"/>, then adds the partials in order.</summary>
    public static void Reduce(
        ReadOnlySpan<StatisticsPartial> partials,
        SufficientStatistics statistics,
        long count)
    {
        statistics.Clear();
        double logLikelihood = 0;
        foreach (StatisticsPartial partial in partials)
        {
            Add(partial.Nk, statistics.Nk);
            Add(partial.Sk, statistics.Sk);
            Add(partial.Qk, statistics.Qk);
            logLikelihood += partial.LogLikelihood;
        }

        statistics.LogLikelihood = logLikelihood;
        statistics.Count = count;
    }

    private static void Add(ReadOnlySpan<double> source, Span<double> target)
    {
        for (int i = 0; i < source.Length; i++)
        {
            target[i] += source[i];
        }
    }
}
