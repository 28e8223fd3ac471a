using System.Diagnostics;

namespace GmmGpu.Cli;

/// <summary>
/// Progress of a long streamed output: unless quiet, one line on stderr at most every two
/// seconds ("sample: 1200000 of 2147483647 points (0.1%), 3.0 s").
/// </summary>
internal sealed class RowProgress(TextWriter stderr, string command, long total, bool quiet)
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(2);
    private readonly Stopwatch clock = Stopwatch.StartNew();
    private TimeSpan next = Interval;
    private long done;

    /// <summary>Says, for a count that takes a while, that the drawing has begun.</summary>
    public void Start()
    {
        if (!quiet && total >= 10_000_000)
        {
            stderr.WriteLine(CommandSupport.Format($"{command}: drawing {total} points"));
        }
    }

    /// <summary>Counts <paramref name="rows"/> more rows written.</summary>
    public void Add(long rows)
    {
        done += rows;
        if (quiet || clock.Elapsed < next)
        {
            return;
        }

        next = clock.Elapsed + Interval;
        double percent = 100.0 * done / total, seconds = clock.Elapsed.TotalSeconds;
        stderr.WriteLine(CommandSupport.Format(
            $"{command}: {done} of {total} points ({percent:F1}%), {seconds:F1} s"));
    }
}
