using System.CommandLine;

namespace GmmGpu.Cli.Parsing;

/// <summary>A gmm command whose help ends with examples of its use.</summary>
internal sealed class GmmCommand(string name, string description) : Command(name, description)
{
    /// <summary>Whole command lines, each starting with "gmm".</summary>
    public IList<string> Examples { get; } = [];
}
