using System.Reflection;

namespace GmmGpu.Cli;

/// <summary>The gmm command: dispatches to a command and reports errors as one line.</summary>
internal static class Cli
{
    public const string Usage = "see gmm --help and gmm COMMAND --help";

    private const string Help = """
        gmm: fit Gaussian mixture models with EM on millions of points (CPU SIMD or GPU).

        usage:
          gmm fit DATA -k K [options]   fit a mixture to DATA (.npy, .csv, .tsv, .txt, .parquet)
          gmm plot MODEL DATA -o OUT.png  one picture of a model on data (--kind heatmap|...)
          gmm predict MODEL DATA        labels (or --proba responsibilities) of each point
          gmm score MODEL DATA          log-likelihood of each point
          gmm anomalies MODEL DATA      the lowest-likelihood points (--contamination F)
          gmm sample MODEL -n N -o OUT  points drawn from a model
          gmm generate -n N --dim D -k K -o DATA   synthetic mixture data (+ --model TRUE)
          gmm select DATA --k 1..12     BIC/AIC table over K and covariance; best saved
          gmm segment IMAGE -k K -o OUT colour segmentation of a PNG/JPEG image
          gmm devices                   the accelerators found, and which auto picks
          gmm demo                      1M points, fit from a uniform start, vs the truth
          gmm bench                     one EM pass timed on every backend
          gmm COMMAND --help            the options of a command, with an example
          gmm --help                    this text
          gmm --version                 the version

        exit codes: 0 success, 1 bad data, model or runtime error, 2 usage error,
        130 cancelled (Ctrl+C), 143 terminated (SIGTERM), 129 hung up (SIGHUP).
        """;

    /// <summary>Runs the command line; returns the process exit code.</summary>
    public static int Run(
        string[] args,
        TextWriter stdout,
        TextWriter stderr,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(args);
        CancellationToken token = cancellationToken;
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
                case "predict": return PredictCommand.Run(args[1..], stdout, cancellationToken);
                case "score": return ScoreCommand.Run(args[1..], stdout, token);
                case "anomalies": return AnomaliesCommand.Run(args[1..], stdout, token);
                case "sample": return SampleCommand.Run(args[1..], stdout, stderr, token);
                case "generate": return GenerateCommand.Run(args[1..], stdout, stderr, token);
                case "select": return SelectCommand.Run(args[1..], stdout, stderr, token);
                case "segment": return SegmentCommand.Run(args[1..], stdout, stderr, token);
                case "devices": return DevicesCommand.Run(args[1..], stdout);
                case "demo": return DemoCommand.Run(args[1..], stdout, stderr, cancellationToken);
                case "bench": return BenchCommand.Run(args[1..], stdout, stderr, cancellationToken);
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
            bool command = args.Length > 0 && !args[0].StartsWith('-')
                && !error.Message.StartsWith("unknown command", StringComparison.Ordinal);
            // Once cancelled, whatever the command met on its way out (a child killed by the
            // same Ctrl+C, a broken pipe) is the cancellation.
            return ErrorReporter.Report(
                token.IsCancellationRequested ? new OperationCanceledException(token) : error,
                stderr, command ? $"see gmm {args[0]} --help" : Usage);
        }
    }

    private static string Version =>
        typeof(Cli).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()
            ?.InformationalVersion ?? "0.0.0";
}
