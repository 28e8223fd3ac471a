using System.Runtime.InteropServices;

namespace GmmGpu.Files;

/// <summary>What kind of thing a path names, after following symbolic links.</summary>
internal enum FileKind
{
    /// <summary>Nothing is there (or the path cannot be examined).</summary>
    Missing,

    /// <summary>A regular file.</summary>
    Regular,

    /// <summary>A folder.</summary>
    Directory,

    /// <summary>A character or block device (/dev/null, a terminal), a FIFO or a socket:
    /// written in place, never replaced.</summary>
    Special,
}

/// <summary>
/// The identity of a file: its device and inode numbers, so that two paths naming one file
/// (a symbolic link, a relative path, a hard link) compare equal.
/// </summary>
/// <param name="Kind">What the path names.</param>
/// <param name="Device">The device of the file system holding it (0 when unknown).</param>
/// <param name="Inode">Its inode on that device (0 when unknown).</param>
internal readonly partial record struct FileIdentity(FileKind Kind, ulong Device, ulong Inode)
{
    private const int AtCurrentFolder = -100;
    private const uint BasicStats = 0x7ff;
    private const int ModeTypeMask = 0xF000, ModeRegular = 0x8000, ModeDirectory = 0x4000;

    /// <summary>Whether both name the same existing file.</summary>
    public bool SameFileAs(FileIdentity other) =>
        Kind != FileKind.Missing && other.Kind != FileKind.Missing && Inode != 0
        && Device == other.Device && Inode == other.Inode;

    /// <summary>The identity of what <paramref name="path"/> names, links followed.</summary>
    public static FileIdentity Of(string path)
    {
        if (!OperatingSystem.IsLinux())
        {
            // Without statx: kinds only (same-file tests then compare full paths).
            return Directory.Exists(path) ? new(FileKind.Directory, 0, 0)
                : File.Exists(path) ? new(FileKind.Regular, 0, 0) : default;
        }

        // struct statx has one layout on every Linux architecture (unlike struct stat).
        Span<byte> buffer = stackalloc byte[256];
        if (Statx(AtCurrentFolder, path, 0, BasicStats, ref MemoryMarshal.GetReference(buffer))
            != 0)
        {
            return default;
        }

        int mode = BitConverter.ToUInt16(buffer[28..]) & ModeTypeMask;
        ulong inode = BitConverter.ToUInt64(buffer[32..]);
        ulong device = ((ulong)BitConverter.ToUInt32(buffer[136..]) << 32)
            | BitConverter.ToUInt32(buffer[140..]);
        FileKind kind = mode switch
        {
            ModeRegular => FileKind.Regular,
            ModeDirectory => FileKind.Directory,
            _ => FileKind.Special,
        };
        return new FileIdentity(kind, device, inode);
    }

    [LibraryImport("libc", EntryPoint = "statx", StringMarshalling = StringMarshalling.Utf8)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static partial int Statx(
        int folder, string path, int flags, uint mask, ref byte buffer);
}
