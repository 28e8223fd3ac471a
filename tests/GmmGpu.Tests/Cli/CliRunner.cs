using System.Text.Json;
using GmmCli = GmmGpu.Cli.Cli;

namespace GmmGpu.Tests.Cli;

/// <summary>Runs the gmm command in-process and captures its outputs.</summary>
internal sealed record CliResult(int ExitCode, string Stdout, string Stderr)
{
    public static CliResult Run(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        int code = GmmCli.Run(args, stdout, stderr);
        return new CliResult(code, stdout.ToString(), stderr.ToString());
    }

    public JsonElement Json()
    {
        using var document = JsonDocument.Parse(Stdout);
        return document.RootElement.Clone();
    }
}
