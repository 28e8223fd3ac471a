using System.CommandLine;
using System.CommandLine.Invocation;
using System.Reflection;

namespace GmmGpu.Cli.Parsing;

/// <summary>--version: "gmm" and the informational version, as scripts have read it.</summary>
internal sealed class VersionAction : SynchronousCommandLineAction
{
    public override int Invoke(ParseResult parseResult)
    {
        ArgumentNullException.ThrowIfNull(parseResult);
        parseResult.InvocationConfiguration.Output.WriteLine($"gmm {Version}");
        return 0;
    }

    private static string Version =>
        typeof(VersionAction).Assembly
            .GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? "0.0.0";
}
