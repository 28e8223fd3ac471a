namespace GmmGpu.Cli;

internal static class Program
{
    private static int Main(string[] args)
    {
        using var cancellation = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cancellation.Cancel();
        };
        return Cli.Run(args, Console.Out, Console.Error, cancellation.Token);
    }
}
