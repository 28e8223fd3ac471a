using GmmGpu.Tests.Distributed;
using Xunit;

namespace GmmGpu.Tests.Hardening;

/// <summary>
/// Issue 12, item 27: ./test's installer waits for another apt or dpkg process's lock
/// (apt's DPkg::Lock::Timeout, honoured by apt-get update and install) instead of failing.
/// </summary>
public class EnsureDepsTests
{
    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void AptInstall_MissingPackage_EveryAptCallWaitsForTheLock()
    {
        string script = Path.Combine(RepositoryRoot(), "scripts", "ensure-deps.sh");
        string bin = Path.Combine(
            Path.GetTempPath(), "gmmgpu-tests", "fake-apt-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(bin);
        try
        {
            string log = Path.Combine(bin, "apt.log");
            // Stand-ins: the package is missing, we are root, apt-get records its arguments.
            Fake(bin, "dpkg", "exit 1");
            Fake(bin, "id", "echo 0");
            Fake(bin, "apt-get", $"echo \"$*\" >> '{log}'");

            MpiJob run = MpiJob.Run(
                "bash", ["-c", $"source '{script}' && apt_install some-package"],
                new Dictionary<string, string> { ["PATH"] = $"{bin}:/usr/bin:/bin" });

            Assert.True(run.ExitCode == 0, run.ToString());
            string[] calls = File.ReadAllLines(log);
            Assert.Equal(2, calls.Length);
            Assert.All(calls, call =>
                Assert.StartsWith("-o DPkg::Lock::Timeout=600 ", call, StringComparison.Ordinal));
            Assert.Contains(" update", calls[0], StringComparison.Ordinal);
            Assert.Contains(" install", calls[1], StringComparison.Ordinal);
            Assert.Contains("some-package", calls[1], StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(bin, recursive: true);
        }
    }

    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    private static void Fake(string bin, string name, string body)
    {
        string path = Path.Combine(bin, name);
        File.WriteAllText(path, $"#!/bin/sh\n{body}\n");
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite
            | UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute);
    }

    private static string RepositoryRoot()
    {
        string? folder = AppContext.BaseDirectory;
        while (folder is not null && !File.Exists(Path.Combine(folder, "GmmGpu.sln")))
        {
            folder = Path.GetDirectoryName(folder);
        }

        return folder ?? throw new DirectoryNotFoundException("GmmGpu.sln not found above "
            + AppContext.BaseDirectory);
    }
}
