using GmmGpu.Tests.Cli;
using Xunit;

namespace GmmGpu.Tests.Hardening;

/// <summary>
/// Issue 12, item 1: an output that resolves to an input, or to another output of the same
/// command (the same name, a relative path, a symbolic or hard link), is refused with exit 2
/// before anything is written; every input stays byte-identical.
/// </summary>
public class OutputClashTests
{
    [Theory]
    [InlineData("predict -o DATA")]
    [InlineData("predict --proba -o DATA by a relative path")]
    [InlineData("predict -o a symlink to DATA")]
    [InlineData("score -o a hard link to DATA")]
    [InlineData("anomalies -o a symlink to DATA")]
    [InlineData("select -o DATA")]
    [InlineData("fit -o DATA")]
    [InlineData("fit --init MODEL -o MODEL")]
    [InlineData("fit --export x.gif -o x.gif")]
    [InlineData("segment -o IMAGE")]
    [InlineData("segment --labels a dangling symlink to -o")]
    [InlineData("generate -o g.npy --labels g.npy")]
    [InlineData("generate --model a dangling symlink to -o")]
    [InlineData("sample -o a symlink to MODEL")]
    [InlineData("plot -o a symlink to DATA")]
    [InlineData("demo with demo.gif a symlink to demo-model.json")]
    public void Command_OutputIsInputOrOtherOutput_RefusedWithExit2(string scenario)
    {
        using var box = new Sandbox();
        string[] args = Arguments(box, scenario);
        box.Remember();

        CliResult result = CliResult.Run(args);

        Sandbox.AssertError(result, 2, "same file");
        box.AssertNothingLost();
    }

    private static string[] Arguments(Sandbox box, string scenario)
    {
        string d = box.Data, m = box.Model;
        return scenario switch
        {
            "predict -o DATA" => ["predict", m, d, "-o", d],
            "predict --proba -o DATA by a relative path" =>
                ["predict", m, d, "--proba", "-o", Path.GetRelativePath(".", d)],
            "predict -o a symlink to DATA" =>
                ["predict", m, d, "-o", box.Link("link.npy", d)],
            "score -o a hard link to DATA" =>
                ["score", m, d, "-o", box.HardLink("hard.npy", d)],
            "anomalies -o a symlink to DATA" =>
                ["anomalies", m, d, "--contamination", "0.1", "-o", box.Link("a.npy", "d.npy")],
            "select -o DATA" => ["select", d, "--k", "1..2", "-o", d],
            "fit -o DATA" => ["fit", d, "-k", "2", "-o", d],
            "fit --init MODEL -o MODEL" => ["fit", d, "--init", m, "-o", m],
            "fit --export x.gif -o x.gif" =>
                ["fit", d, "-k", "2", "--export", box.PathOf("x.gif"), "-o", box.PathOf("x.gif")],
            "segment -o IMAGE" => ["segment", box.Image(), "-k", "2", "-o", box.PathOf("in.png")],
            "segment --labels a dangling symlink to -o" =>
                ["segment", box.Image(), "-k", "2", "-o", box.PathOf("s.png"),
                    "--labels", box.Link("l.npy", box.PathOf("s.png"))],
            "generate -o g.npy --labels g.npy" =>
                ["generate", "-n", "10", "--dim", "2", "-k", "2", "-o", box.PathOf("g.npy"),
                    "--labels", box.PathOf("g.npy")],
            "generate --model a dangling symlink to -o" =>
                ["generate", "-n", "10", "--dim", "2", "-k", "2", "-o", box.PathOf("g.npy"),
                    "--model", box.Link("t.json", "g.npy")],
            "sample -o a symlink to MODEL" =>
                ["sample", m, "-n", "10", "-o", box.Link("s.npy", m)],
            "plot -o a symlink to DATA" => ["plot", m, d, "-o", box.Link("p.png", d)],
            "demo with demo.gif a symlink to demo-model.json" =>
                ["demo", "--n", "1000", "--out", DemoFolder(box), "--no-window"],
            _ => throw new ArgumentOutOfRangeException(nameof(scenario)),
        };
    }

    private static string DemoFolder(Sandbox box)
    {
        string folder = box.PathOf("out");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "demo-model.json"), "{}");
        File.CreateSymbolicLink(Path.Combine(folder, "demo.gif"), "demo-model.json");
        return folder;
    }
}
