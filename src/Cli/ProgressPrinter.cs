using System.Globalization;

namespace GmmGpu.Cli;

/// <summary>
/// Receives each EM iteration on the fitting thread: counts them, and unless quiet writes one
/// line to stderr (iteration, mean log-likelihood, change, points/s, elapsed).
/// </summary>
internal sealed class ProgressPrinter(TextWriter stderr, bool quiet, int initializations)
    : IProgress<IterationSnapshot>
{
    /// <summary>EM iterations over every initialisation.</summary>
    public int TotalIterations { get; private set; }

    /// <summary>Wall time of the EM iterations alone (initialisation excluded).</summary>
    public TimeSpan IterationTime { get; private set; }

    public void Report(IterationSnapshot value)
    {
        TotalIterations++;
        IterationTime += value.Record.Duration;
        if (quiet)
        {
            return;
        }

        IterationRecord record = value.Record;
        double seconds = record.Duration.TotalSeconds;
        string rate = seconds > 0 ? FormatRate(value.Samples / seconds) : "-";
        string change = double.IsFinite(record.Change)
            ? record.Change.ToString("G3", CultureInfo.InvariantCulture)
            : "-";
        string init = initializations > 1
            ? $"init {value.Initialization + 1}/{initializations}  "
            : "";
        stderr.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{init}iter {record.Iteration,4}  loglik {record.LogLikelihood,12:F6}  "
            + $"change {change,10}  {rate,8} points/s  "
            + $"elapsed {value.Elapsed.TotalSeconds:F2} s"));
    }

    private static string FormatRate(double rate) => rate switch
    {
        >= 1e9 => string.Create(CultureInfo.InvariantCulture, $"{rate / 1e9:F2}G"),
        >= 1e6 => string.Create(CultureInfo.InvariantCulture, $"{rate / 1e6:F1}M"),
        >= 1e3 => string.Create(CultureInfo.InvariantCulture, $"{rate / 1e3:F1}k"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{rate:F0}"),
    };
}
