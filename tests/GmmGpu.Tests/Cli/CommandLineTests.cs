using GmmGpu.Tests.Data;
using Xunit;

namespace GmmGpu.Tests.Cli;

/// <summary>
/// The command line itself (System.CommandLine): generated help with defaults and examples,
/// response files, shell completion, and one clear line with exit 2 for a wrong command line on
/// every command.
/// </summary>
public class CommandLineTests
{
    [Fact]
    public void Help_Fit_ListsOptionsWithChoicesAndDefaults()
    {
        CliResult result = CliResult.Run("fit", "--help");

        ToolCommandTests.Ok(result);
        // Help wraps its second column: compare words, not lines.
        string text = string.Join(' ', result.Stdout.Split(
            [' ', '\n'], StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("<DATA>", text, StringComparison.Ordinal);
        Assert.Contains("--covariance <diag|full|spherical|tied>", text, StringComparison.Ordinal);
        Assert.Contains("-k, --components <K>", text, StringComparison.Ordinal);
        Assert.Contains(
            "most EM iterations per initialisation, ≥ 1 [default: 100]",
            text,
            StringComparison.Ordinal);
        Assert.Contains("cpu,ilgpu-cpu [default: auto]", text, StringComparison.Ordinal);
        Assert.Contains("--json", text, StringComparison.Ordinal);
        Assert.Contains("--quiet", text, StringComparison.Ordinal);
        Assert.Contains(
            "  gmm fit points.npy -k 8 --covariance diag --seed 1 -o model.json",
            result.Stdout,
            StringComparison.Ordinal);
        Assert.Equal("", result.Stderr);
    }

    [Fact]
    public void Help_Root_ListsEveryCommandAndExitCodes()
    {
        CliResult result = CliResult.Run("--help");

        ToolCommandTests.Ok(result);
        foreach (string command in (string[])["fit", "plot", "predict", "score", "anomalies",
            "sample", "generate", "select", "segment", "devices", "demo", "bench"])
        {
            Assert.Contains($"  {command}", result.Stdout, StringComparison.Ordinal);
        }

        Assert.Contains("2 usage error", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_BeforeOrAfterTheCommand_IsTheSameOption()
    {
        CliResult after = CliResult.Run("devices", "--json");
        CliResult before = CliResult.Run("--json", "devices");

        ToolCommandTests.Ok(after);
        Assert.Equal(after.Stdout, before.Stdout);
        Assert.True(after.Json().TryGetProperty("devices", out _));
    }

    [Fact]
    public void ResponseFile_GivesTheSameFitAsTheCommandLine()
    {
        using var files = new TestFiles();
        string data = files.WriteBlobs("blobs.csv", rows: 600);
        string arguments = files.WriteText("fit.rsp", $"""
            # a fit, one or more arguments a line
            "{data}" -k 3
            --seed 1 --device cpu
            --json
            """);

        CliResult direct =
            CliResult.Run("fit", data, "-k", "3", "--seed", "1", "--device", "cpu", "--json");
        CliResult fromFile = CliResult.Run("fit", "@" + arguments);

        ToolCommandTests.Ok(direct);
        ToolCommandTests.Ok(fromFile);
        Assert.Equal(
            direct.Json().GetProperty("lower_bound").GetDouble(),
            fromFile.Json().GetProperty("lower_bound").GetDouble());
        Assert.Equal(3, fromFile.Json().GetProperty("n_components").GetInt32());
    }

    [Fact]
    public void ResponseFile_Missing_IsAUsageError()
    {
        using var files = new TestFiles();

        CliResult result = CliResult.Run("fit", "@" + files.PathOf("none.rsp"));

        AssertUsageError(result, "none.rsp", "fit");
    }

    [Theory]
    [InlineData("fi", "fit")]
    [InlineData("fit x.csv --cov", "--covariance")]
    [InlineData("fit x.csv --covariance d", "diag")]
    [InlineData("plot m.json d.csv --kind sur", "surface")]
    public void Suggest_CompletesCommandsOptionsAndChoices(string line, string expected)
    {
        CliResult result = CliResult.Run($"[suggest:{line.Length}]", line);

        ToolCommandTests.Ok(result);
        Assert.Contains(expected, result.Stdout.Split('\n', StringSplitOptions.TrimEntries));
    }

    [Theory]
    [InlineData("-k must be an integer, not \"2.5\"", "fit", "d.csv", "-k", "2.5")]
    [InlineData("option -k is given more than once", "fit", "d.csv", "-k", "2", "-k", "3")]
    [InlineData("--max-iter must be an integer", "fit", "d.csv", "-k", "2", "--max-iter", "x")]
    [InlineData("--stop must be one of loglik, aic", "fit", "d.csv", "-k", "2", "--stop", "x")]
    [InlineData("plot needs a DATA file", "plot", "m.json", "-o", "a.png")]
    [InlineData("plot needs --output PNG", "plot", "m.json", "d.csv")]
    [InlineData("option --size needs a value", "plot", "m.json", "d.csv", "-o", "a.png",
        "--size")]
    [InlineData("--device must be one of", "predict", "m.json", "d.csv", "--device", "gpu")]
    [InlineData("unknown option --label", "predict", "m.json", "d.csv", "--label")]
    [InlineData("unexpected argument \"e.csv\": score takes MODEL DATA", "score", "m.json",
        "d.csv", "e.csv")]
    [InlineData("score needs a MODEL file", "score")]
    [InlineData("--contamination must be a finite number", "anomalies", "m.json", "d.csv",
        "--contamination", "many")]
    [InlineData("sample needs -n N", "sample", "m.json", "-o", "s.csv")]
    [InlineData("-n must be ≥ 1, not 0", "sample", "m.json", "-n", "0", "-o", "s.csv")]
    [InlineData("generate needs --components K", "generate", "-n", "9", "--dim", "2", "-o",
        "g.npy")]
    [InlineData("--dim must be an integer", "generate", "-n", "9", "--dim", "two", "-k", "2",
        "-o", "g.npy")]
    [InlineData("--criterion must be one of bic, aic", "select", "d.csv", "--criterion", "x")]
    [InlineData("--reg-covar must be ≥ 0", "select", "d.csv", "--reg-covar", "-1")]
    [InlineData("--space must be one of rgb, lab", "segment", "in.png", "-k", "3", "-o",
        "o.png", "--space", "hsv")]
    [InlineData("segment needs --components K", "segment", "in.png", "-o", "o.png")]
    [InlineData("unexpected argument \"all\": devices takes no arguments", "devices", "all")]
    [InlineData("--n must be ≥ 5, not 4", "demo", "--n", "4")]
    [InlineData("unknown option --window", "demo", "--window")]
    [InlineData("option --iterations needs a value", "bench", "--iterations")]
    [InlineData("-k must be an integer", "bench", "-k", "1.5")]
    public void WrongCommandLine_ExitsTwoWithOneLine(string message, params string[] args)
    {
        AssertUsageError(CliResult.Run(args), message, args[0]);
    }

    /// <summary>Exit 2, nothing on stdout, one line naming the problem and the command's help.
    /// </summary>
    private static void AssertUsageError(CliResult result, string message, string command)
    {
        Assert.Equal(2, result.ExitCode);
        Assert.Equal("", result.Stdout);
        string line = Assert.Single(
            result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("gmm: error: ", line, StringComparison.Ordinal);
        Assert.Contains(message, line, StringComparison.Ordinal);
        Assert.EndsWith($"(see gmm {command} --help)", line, StringComparison.Ordinal);
    }
}
