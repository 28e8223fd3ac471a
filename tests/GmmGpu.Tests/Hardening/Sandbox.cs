using GmmGpu.Files;
using GmmGpu.Tests.Cli;
using GmmGpu.Tests.Data;
using GmmGpu.Tests.Distributed;
using Xunit;

namespace GmmGpu.Tests.Hardening;

/// <summary>
/// A folder with data (d.npy: 600 points of 3 blobs), a model fitted to it (m.json) and, on
/// request, an image (in.png), plus the checks that nothing was lost: every file there before
/// a command is byte-identical after it, and no temporary file is left.
/// </summary>
internal sealed class Sandbox : IDisposable
{
    private readonly TestFiles files = new();
    private readonly Dictionary<string, byte[]> before = new(StringComparer.Ordinal);

    public Sandbox()
    {
        Data = files.PathOf("d.npy");
        Model = files.PathOf("m.json");
        ToolCommandTests.Ok(CliResult.Run(
            "generate", "-n", "600", "--dim", "2", "-k", "3", "--seed", "1", "-o", Data,
            "--quiet"));
        ToolCommandTests.Ok(CliResult.Run(
            "fit", Data, "-k", "3", "--seed", "1", "-o", Model, "--quiet", "--device", "cpu"));
    }

    public string Folder => files.Folder;

    /// <summary>d.npy: 600 float32 points, 2 features.</summary>
    public string Data { get; }

    /// <summary>m.json: a full 3-component model of <see cref="Data"/>.</summary>
    public string Model { get; }

    public string PathOf(string name) => files.PathOf(name);

    /// <summary>in.png: a 32×24 picture of three flat regions with noise.</summary>
    public string Image()
    {
        string image = PathOf("in.png");
        ToolCommandTests.WriteRegionsImage(image, 32, 24);
        return image;
    }

    /// <summary>A symbolic link <paramref name="name"/> to <paramref name="target"/> (which
    /// need not exist).</summary>
    public string Link(string name, string target)
    {
        File.CreateSymbolicLink(PathOf(name), target);
        return PathOf(name);
    }

    /// <summary>A hard link <paramref name="name"/> to the file <paramref name="target"/>.
    /// </summary>
    public string HardLink(string name, string target)
    {
        Assert.Equal(0, MpiJob.Run("ln", [target, PathOf(name)]).ExitCode);
        return PathOf(name);
    }

    /// <summary>Records the bytes of every file now in the folder (links followed).</summary>
    public void Remember()
    {
        foreach (string file in Directory.EnumerateFiles(Folder, "*", SearchOption.AllDirectories))
        {
            if (IsFile(file))
            {
                before[file] = File.ReadAllBytes(file);
            }
        }
    }

    /// <summary>
    /// Every file remembered is unchanged, no temporary file is left, and no file appeared
    /// except <paramref name="written"/>.
    /// </summary>
    public void AssertNothingLost(params string[] written)
    {
        foreach ((string file, byte[] bytes) in before)
        {
            Assert.True(File.Exists(file), $"{file} was deleted");
            Assert.True(bytes.AsSpan().SequenceEqual(File.ReadAllBytes(file)), $"{file} changed");
        }

        string[] now = Directory.EnumerateFiles(Folder, "*", SearchOption.AllDirectories)
            .Where(IsFile)
            .ToArray();
        Assert.DoesNotContain(now, file => file.EndsWith(".tmp", StringComparison.Ordinal));
        Assert.Empty(now.Except(before.Keys).Except(written.Select(Path.GetFullPath)));
    }

    /// <summary>Exit code <paramref name="code"/> and one "gmm: error:" line holding
    /// <paramref name="fragment"/>, no stack trace.</summary>
    public static void AssertError(CliResult result, int code, string fragment)
    {
        Assert.True(code == result.ExitCode, $"exit {result.ExitCode}: {result.Stderr}");
        Assert.StartsWith("gmm: error: ", result.Stderr, StringComparison.Ordinal);
        Assert.Contains(fragment, result.Stderr, StringComparison.Ordinal);
        Assert.Single(result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    public void Dispose() => files.Dispose();

    /// <summary>A regular file, links followed (a dangling link is none).</summary>
    private static bool IsFile(string path) => FileIdentity.Of(path).Kind == FileKind.Regular;
}
