using System.Diagnostics;
using System.Globalization;
using Xunit;

namespace GmmGpu.Tests.Distributed;

/// <summary>
/// Runs tests/GmmGpu.MpiProbe (built beside the tests) as an MPICH job or alone: MPI starts
/// once per process, so the binding is tested in processes of its own.
/// </summary>
internal sealed record MpiProbeJob(int ExitCode, string Stdout, string Stderr)
{
    private const string Launcher = "mpiexec.mpich";
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    /// <summary>The probe's per-rank lines ("rank r/P ..."), by rank.</summary>
    public IReadOnlyList<string> RankLines => Stdout
        .Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
        .Where(line => line.StartsWith("rank ", StringComparison.Ordinal))
        .Order(StringComparer.Ordinal)
        .ToList();

    /// <summary>mpiexec.mpich -n <paramref name="processes"/> dotnet probe args.</summary>
    public static MpiProbeJob UnderMpich(int processes, params string[] args) =>
        Run(FindLauncher(),
            ["-n", processes.ToString(CultureInfo.InvariantCulture), Dotnet, ProbeDll, .. args]);

    /// <summary>dotnet probe args, without a launcher (an MPI singleton).</summary>
    public static MpiProbeJob Alone(
        IReadOnlyDictionary<string, string>? environment = null, params string[] args) =>
        Run(Dotnet, [ProbeDll, .. args], environment);

    public override string ToString() =>
        $"exit code {ExitCode}\nstdout:\n{Stdout}\nstderr:\n{Stderr}";

    private static string Dotnet => Environment.GetEnvironmentVariable("DOTNET_HOST_PATH")
        ?? "dotnet";

    private static string ProbeDll => Path.Combine(AppContext.BaseDirectory, "GmmGpu.MpiProbe.dll");

    private static MpiProbeJob Run(
        string program, string[] args, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach ((string name, string value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        using Process process = Process.Start(start)!;
        Task<string> stdout = process.StandardOutput.ReadToEndAsync();
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(Timeout))
        {
            // A hung job must not hang the suite: end mpiexec and every rank it started.
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            Assert.Fail($"'{program} {string.Join(' ', args)}' did not end within "
                + $"{Timeout.TotalSeconds} s and was killed.\nstdout:\n{stdout.Result}\n"
                + $"stderr:\n{stderr.Result}");
        }

        process.WaitForExit();
        return new MpiProbeJob(process.ExitCode, stdout.Result, stderr.Result);
    }

    private static string FindLauncher()
    {
        string? found = (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => Path.Combine(directory, Launcher))
            .FirstOrDefault(File.Exists);
        if (found is null)
        {
            Assert.Fail($"{Launcher} is not on PATH: install MPICH (apt-get install -y mpich; "
                + "./test installs it) to run the MPI tests.");
        }

        return found;
    }
}
