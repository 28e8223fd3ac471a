using System.CommandLine;
using System.CommandLine.Help;

namespace GmmGpu.Cli.Parsing;

/// <summary>The gmm command line: every command, --help with examples, --version.</summary>
internal static class GmmCommandLine
{
    private const string Description = """
        gmm: fit Gaussian mixture models with EM on millions of points (CPU SIMD or GPU).
        Data: .npy, .csv, .tsv, .txt or .parquet. Arguments may come from a response file:
        gmm @args.rsp (one or more per line, # starts a comment).
        Exit codes: 0 success, 1 bad data, model or runtime error, 2 usage error,
        130 cancelled (Ctrl+C), 143 terminated (SIGTERM), 129 hung up (SIGHUP).
        Shell completion: dotnet-suggest (gmm [suggest] "gmm fi").
        """;

    /// <summary>The root command, its actions writing to <paramref name="context"/>.</summary>
    public static RootCommand Create(CommandContext context)
    {
        var root = new RootCommand(Description)
        {
            FitCommand.Create(context),
            PlotCommand.Create(context),
            PredictCommand.Create(context),
            ScoreCommand.Create(context),
            AnomaliesCommand.Create(context),
            SampleCommand.Create(context),
            GenerateCommand.Create(context),
            SelectCommand.Create(context),
            SegmentCommand.Create(context),
            DevicesCommand.Create(context),
            DemoCommand.Create(context),
            BenchCommand.Create(context),
            context.Json,
            context.Quiet,
        };
        HelpOption help = root.Options.OfType<HelpOption>().Single();
        help.Action = new ExamplesHelpAction(
            new HelpAction { MaxWidth = HelpWidth() });
        root.Options.OfType<VersionOption>().Single().Action = new VersionAction();
        return root;
    }

    /// <summary>
    /// Help wraps at 100 columns, or at a narrower terminal's width: written to a file or a
    /// pager it would otherwise not wrap at all.
    /// </summary>
    private static int HelpWidth()
    {
        try
        {
            return Console.IsOutputRedirected ? 100 : Math.Clamp(Console.WindowWidth, 40, 100);
        }
        catch (Exception error) when (error is IOException or PlatformNotSupportedException)
        {
            return 100;
        }
    }
}
