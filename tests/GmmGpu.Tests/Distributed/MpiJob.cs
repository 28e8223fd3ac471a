using System.Diagnostics;
using System.Globalization;
using Xunit;

namespace GmmGpu.Tests.Distributed;

/// <summary>
/// Runs a program built beside the tests (tests/GmmGpu.MpiProbe, or the gmm tool) as an MPICH
/// job or alone: MPI starts once per process, so it is tested in processes of its own.
/// </summary>
internal sealed record MpiJob(int ExitCode, string Stdout, string Stderr)
{
    private const string Launcher = "mpiexec.mpich";
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    /// <summary>The probe's per-rank lines ("rank r/P ..."), by rank.</summary>
    public IReadOnlyList<string> RankLines => Stdout
        .Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
        .Where(line => line.StartsWith("rank ", StringComparison.Ordinal))
        .Order(StringComparer.Ordinal)
        .ToList();

    /// <summary>The probe of the binding.</summary>
    public static string Probe => Path.Combine(AppContext.BaseDirectory, "GmmGpu.MpiProbe.dll");

    /// <summary>The gmm tool.</summary>
    public static string Gmm => Path.Combine(AppContext.BaseDirectory, "gmm.dll");

    /// <summary>mpiexec.mpich -n <paramref name="processes"/> dotnet probe args.</summary>
    public static MpiJob UnderMpich(int processes, params string[] args) =>
        UnderMpich(processes, Probe, args);

    /// <summary>mpiexec.mpich -n <paramref name="processes"/> dotnet program args.</summary>
    public static MpiJob UnderMpich(int processes, string program, string[] args) =>
        Run(FindLauncher(),
            ["-n", processes.ToString(CultureInfo.InvariantCulture), Dotnet, program, .. args]);

    /// <summary>dotnet probe args, without a launcher (an MPI singleton).</summary>
    public static MpiJob Alone(
        IReadOnlyDictionary<string, string>? environment = null, params string[] args) =>
        Run(Dotnet, [Probe, .. args], environment);

    public override string ToString() =>
        $"exit code {ExitCode}\nstdout:\n{Stdout}\nstderr:\n{Stderr}";

    public static string Dotnet => Environment.GetEnvironmentVariable("DOTNET_HOST_PATH")
        ?? "dotnet";

    public static MpiJob Run(
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
        return new MpiJob(process.ExitCode, stdout.Result, stderr.Result);
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
