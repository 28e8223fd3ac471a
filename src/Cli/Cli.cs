using System.Reflection;

namespace GmmGpu.Cli;

/// <summary>The gmm command: dispatches to a command and reports errors as one line.</summary>
internal static class Cli
{
    public const string Usage = "see gmm --help and gmm fit --help";

    private const string Help = """
        gmm: fit Gaussian mixture models with EM on millions of points (CPU SIMD or GPU).

        usage:
          gmm fit DATA -k K [options]   fit a mixture to DATA (.npy, .csv, .tsv, .txt)
          gmm fit --help                the options of fit, with an example
          gmm --help                    this text
          gmm --version                 the version

        exit codes: 0 success, 1 bad data, model or runtime error, 2 usage error,
        130 cancelled (Ctrl+C).
        """;

    /// <summary>Runs the command line; returns the process exit code.</summary>
    public static int Run(
        string[] args,
        TextWriter stdout,
        TextWriter stderr,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(args);
        try
        {
            switch (args.FirstOrDefault())
            {
                case null:
                    throw new UsageException("no command given");
                case "-h" or "--help" or "help":
                    stdout.Write(Help);
                    return 0;
                case "--version":
                    stdout.WriteLine($"gmm {Version}");
                    return 0;
                case "fit":
                    return FitCommand.Run(args[1..], stdout, stderr, cancellationToken);
                case "plot": return PlotCommand.Run(args[1..], stdout, stderr);
                default:
                    throw new UsageException(args[0].StartsWith('-')
                        ? $"unknown option {args[0]}"
                        : $"unknown command \"{args[0]}\"");
            }
        }
#pragma warning disable CA1031 // The command line's edge: every error becomes one line and a code.
        catch (Exception error)
#pragma warning restore CA1031
        {
            return ErrorReporter.Report(error, stderr, Usage);
        }
    }

    private static string Version =>
        typeof(Cli).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()
            ?.InformationalVersion ?? "0.0.0";
}
