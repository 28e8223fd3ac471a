using GmmGpu.Tests.Distributed;
using Xunit;

namespace GmmGpu.Tests.Hardening;

/// <summary>
/// A 64 KiB tmpfs mounted on a folder of its own (read-only on request), to see what the
/// commands do when the disk is full or refuses writes. Needs root: elsewhere the test is
/// skipped, with the reason printed.
/// </summary>
internal sealed class SmallDisk : IDisposable
{
    private SmallDisk(string folder) => Folder = folder;

    public string Folder { get; }

    /// <summary>Mounts the disk, or skips the test saying why it cannot.</summary>
    public static SmallDisk Mount(bool readOnly = false)
    {
        if (!OperatingSystem.IsLinux() || Environment.UserName != "root")
        {
            Assert.Skip("mounting a small tmpfs needs root on Linux; this test runs as "
                + Environment.UserName);
        }

        string folder = Path.Combine(
            Path.GetTempPath(), "gmmgpu-tests", "disk-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        MpiJob mount = MpiJob.Run(
            "mount", ["-t", "tmpfs", "-o", readOnly ? "size=64k,ro" : "size=64k", "tmpfs", folder]);
        if (mount.ExitCode != 0)
        {
            Directory.Delete(folder);
            Assert.Skip($"cannot mount a tmpfs here: {mount.Stderr.Trim()}");
        }

        return new SmallDisk(folder);
    }

    public string PathOf(string name) => Path.Combine(Folder, name);

    /// <summary>Fills the disk but for about <paramref name="freeBytes"/>.</summary>
    public void Fill(int freeBytes)
    {
        var info = new DriveInfo(Folder);
        long size = Math.Max(0, info.AvailableFreeSpace - freeBytes);
        File.WriteAllBytes(PathOf("filler"), new byte[size]);
    }

    /// <summary>What the disk holds besides the filler.</summary>
    public string[] Files() => Directory.EnumerateFileSystemEntries(Folder)
        .Where(path => Path.GetFileName(path) != "filler")
        .ToArray();

    public void Dispose()
    {
        MpiJob.Run("umount", [Folder]);
        Directory.Delete(Folder);
    }
}
