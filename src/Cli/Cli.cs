using System.CommandLine;
using GmmGpu.Cli.Parsing;

namespace GmmGpu.Cli;

/// <summary>
/// The gmm command: parses the command line (System.CommandLine), runs the command, and reports
/// any error as one line and an exit code.
/// </summary>
internal static class Cli
{
    public const string Usage = "see gmm --help and gmm COMMAND --help";

    /// <summary>Runs the command line; returns the process exit code.</summary>
    public static int Run(
        string[] args,
        TextWriter stdout,
        TextWriter stderr,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(args);
        RootCommand root = GmmCommandLine.Create(
            new CommandContext(stdout, stderr, cancellationToken));
        ParseResult? parse = null;
        try
        {
            parse = root.Parse(args);
            // Help and completion ignore what else is wrong; anything else wrong is one line.
            if (parse.Errors.Count > 0 && parse.Action is not { ClearsParseErrors: true })
            {
                throw new UsageException(UsageErrors.Describe(parse));
            }

            return parse.Invoke(new InvocationConfiguration
            {
                Output = stdout,
                Error = stderr,
                EnableDefaultExceptionHandler = false,
            });
        }
#pragma warning disable CA1031 // The command line's edge: every error becomes one line and a code.
        catch (Exception error)
#pragma warning restore CA1031
        {
            Command? command = parse?.CommandResult.Command;
            // Once cancelled, whatever the command met on its way out (a child killed by the
            // same Ctrl+C, a broken pipe) is the cancellation.
            return ErrorReporter.Report(
                cancellationToken.IsCancellationRequested
                    ? new OperationCanceledException(cancellationToken)
                    : error,
                stderr,
                command is null or RootCommand ? Usage : $"see gmm {command.Name} --help");
        }
    }
}
