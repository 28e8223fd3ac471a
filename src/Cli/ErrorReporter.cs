using GmmGpu.Data;

namespace GmmGpu.Cli;

/// <summary>Turns an exception into one "gmm: error: ..." line on stderr and an exit code.
/// </summary>
internal static class ErrorReporter
{
    public const int Failure = 1;
    public const int Usage = 2;
    public const int Cancelled = 130;

    /// <summary>Reports <paramref name="error"/>; returns its exit code. No stack trace.</summary>
    public static int Report(Exception error, TextWriter stderr, string usageHint)
    {
        // Parallel loops wrap what their workers threw (out of memory in a pass, a bad value):
        // the first cause is the error, reported as it would be alone.
        while (error is AggregateException { InnerExceptions.Count: > 0 } aggregate)
        {
            error = aggregate.InnerExceptions[0];
        }

        switch (error)
        {
            case UsageException:
                stderr.WriteLine($"gmm: error: {OneLine(error.Message)} ({usageHint})");
                return Usage;
            case OperationCanceledException:
                stderr.WriteLine("gmm: cancelled");
                return Cancelled;
            case DataFormatException or ArgumentException or InvalidDataException
                or IOException or UnauthorizedAccessException or InvalidOperationException
                or OutOfMemoryException:
                stderr.WriteLine($"gmm: error: {OneLine(Describe(error))}");
                return Failure;
            default:
                stderr.WriteLine(
                    $"gmm: error: unexpected {error.GetType().Name}: {OneLine(error.Message)}");
                return Failure;
        }
    }

    /// <summary>An ArgumentException's message without its " (Parameter 'x')" suffix.</summary>
    private static string Describe(Exception error) => error switch
    {
        ArgumentException { ParamName: { } name } argument =>
            argument.Message.Replace($" (Parameter '{name}')", "", StringComparison.Ordinal),
        OutOfMemoryException => "out of memory: the data is too large for this machine.",
        _ => error.Message,
    };

    /// <summary>The message on one line, control characters escaped: a file's bytes quoted in
    /// it never reach the terminal raw.</summary>
    private static string OneLine(string message) =>
        MessageText.Escape(message.ReplaceLineEndings(" ").Trim());
}
