using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;

namespace GmmGpu.Cli.Parsing;

/// <summary>
/// The first problem of a command line that did not parse, as one line in gmm's words
/// ("unknown option --x", "option --tol needs a value"), instead of System.CommandLine's
/// list of errors followed by the whole help.
/// </summary>
internal static class UsageErrors
{
    public static string Describe(ParseResult parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        CommandResult command = parse.CommandResult;
        string[] loose =
        [
            .. command.Children.OfType<ArgumentResult>().SelectMany(a => a.Tokens)
                .Select(t => t.Value),
            .. parse.UnmatchedTokens,
        ];
        // An unknown option is parsed as an argument: it is the problem, not the count.
        if (loose.FirstOrDefault(IsOption) is { } option)
        {
            return $"unknown option {option}";
        }

        if (parse.UnmatchedTokens.Count > 0)
        {
            string token = parse.UnmatchedTokens[0];
            return command.Command is RootCommand
                ? $"unknown command \"{token}\""
                : $"unexpected argument \"{token}\": {command.Command.Name} takes "
                    + (command.Command.Arguments.Count == 0
                        ? "no arguments"
                        : string.Join(" ", command.Command.Arguments.Select(a => a.Name)));
        }

        // A response file that cannot be read (no symbol) comes before what it left missing.
        ParseError error = parse.Errors.OrderBy(e => e.SymbolResult is null ? 0 : 1).First();
        return error.SymbolResult switch
        {
            CommandResult { Command: RootCommand } => "no command given",
            OptionResult { Implicit: true, Option: { Required: true } required } =>
                $"{command.Command.Name} needs {required.Name}"
                + (required.HelpName is { } value ? $" {value}" : ""),
            OptionResult { Tokens.Count: 0 } given =>
                $"option {given.IdentifierToken?.Value} needs a value",
            OptionResult { Tokens.Count: > 1 } given =>
                $"option {given.IdentifierToken?.Value} is given more than once",
            ArgumentResult { Tokens.Count: 0 } missing =>
                $"{command.Command.Name} needs {Article(missing.Argument.Name)} "
                + $"{missing.Argument.Name} file",
            _ => error.Message,
        };
    }

    /// <summary>Whether <paramref name="token"/> looks like an option: "-x" or "--x", not a
    /// negative number.</summary>
    private static bool IsOption(string token) =>
        token.Length > 1 && token[0] == '-'
        && !double.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out _);

    private static string Article(string noun) =>
        "AEIOU".Contains(noun[0], StringComparison.OrdinalIgnoreCase) ? "an" : "a";
}
