using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;

namespace GmmGpu.Cli.Parsing;

/// <summary>
/// --help: System.CommandLine's help (description, usage, arguments, options with their
/// defaults, commands), then the command's examples.
/// </summary>
internal sealed class ExamplesHelpAction(HelpAction help) : SynchronousCommandLineAction
{
    public override bool ClearsParseErrors => true;

    public override int Invoke(ParseResult parseResult)
    {
        ArgumentNullException.ThrowIfNull(parseResult);
        int code = help.Invoke(parseResult);
        if (parseResult.CommandResult.Command is GmmCommand { Examples.Count: > 0 } command)
        {
            TextWriter output = parseResult.InvocationConfiguration.Output;
            output.WriteLine("Examples:");
            foreach (string example in command.Examples)
            {
                output.WriteLine($"  {example}");
            }

            output.WriteLine();
        }

        return code;
    }
}
