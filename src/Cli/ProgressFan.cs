namespace GmmGpu.Cli;

/// <summary>Reports each snapshot of a fit to several sinks, in the order given.</summary>
internal sealed class ProgressFan(params IProgress<IterationSnapshot>[] sinks)
    : IProgress<IterationSnapshot>
{
    public void Report(IterationSnapshot value)
    {
        foreach (IProgress<IterationSnapshot> sink in sinks)
        {
            sink.Report(value);
        }
    }
}
