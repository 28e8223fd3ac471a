using System.CommandLine;

namespace GmmGpu.Cli.Parsing;

/// <summary>
/// What every command's action is given: the output streams, the cancellation of Ctrl+C /
/// SIGTERM, and the two options that every command takes.
/// </summary>
internal sealed class CommandContext(
    TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
{
    public TextWriter Stdout { get; } = stdout;

    public TextWriter Stderr { get; } = stderr;

    public CancellationToken CancellationToken { get; } = cancellationToken;

    /// <summary>--json: one JSON object on stdout instead of the text report.</summary>
    public Option<bool> Json { get; } = new("--json")
    {
        Description = "print one JSON object on stdout instead of the text report",
        Recursive = true,
    };

    /// <summary>--quiet: nothing on stderr but errors.</summary>
    public Option<bool> Quiet { get; } = new("--quiet")
    {
        Description = "no progress lines or warnings on stderr",
        Recursive = true,
    };

    public bool IsJson(ParseResult parse) => parse.GetValue(Json);

    public bool IsQuiet(ParseResult parse) => parse.GetValue(Quiet);

    /// <summary>--json and --quiet as given.</summary>
    public OutputStyle Style(ParseResult parse) => new(IsJson(parse), IsQuiet(parse));
}

/// <summary>How a command reports: <c>--json</c> and <c>--quiet</c>.</summary>
internal readonly record struct OutputStyle(bool Json, bool Quiet)
{
    /// <summary>Whether progress lines go to stderr: not with --quiet, nor with --json (whose
    /// callers read one object and want nothing else).</summary>
    public bool Progress => !Json && !Quiet;
}
