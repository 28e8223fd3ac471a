namespace GmmGpu.Cli;

internal static class Program
{
    private static int Main(string[] args)
    {
        using var signals = new SignalCancellation();
        int code = Cli.Run(args, Console.Out, Console.Error, signals.Token);
        return signals.ExitCode(code);
    }
}
