using GmmGpu.Files;
using Microsoft.Win32.SafeHandles;

namespace GmmGpu.Data;

/// <summary>
/// A data input that cannot be read twice or at an offset (a pipe such as <c>&lt;(zcat x.gz)</c>,
/// a FIFO, a device), copied once into a temporary file so that the readers can seek in it.
/// On Linux the file is unlinked as soon as it is created, before the copy, and read through
/// <c>/proc/self/fd</c>, so nothing is left behind however the process ends (a signal while
/// the pipe is still open, even SIGKILL); elsewhere it is deleted on <see cref="Dispose"/>, or
/// by the exit cleanup of a process ended by a signal (<see cref="OutputFile.DeletePending"/>).
/// </summary>
internal sealed class SpooledInput : IDisposable
{
    /// <summary>The bytes read first, to tell the format and whether it is text.</summary>
    public const int HeadBytes = 1 << 16;

    private readonly SafeFileHandle handle;
    private readonly string? temporary;

    private SpooledInput(SafeFileHandle handle, string openPath, string? temporary, byte[] head)
    {
        this.handle = handle;
        OpenPath = openPath;
        this.temporary = temporary;
        Head = head;
    }

    /// <summary>The path that opens the copy (a /proc/self/fd link on Linux).</summary>
    public string OpenPath { get; }

    /// <summary>The first bytes of the input (up to <see cref="HeadBytes"/>).</summary>
    public byte[] Head { get; }

    /// <summary>
    /// Copies what is left of <paramref name="input"/> (read from <paramref name="path"/>,
    /// named in messages) into a temporary file, after checking its first bytes with
    /// <paramref name="checkHead"/>, which throws when they are not data of a known kind (a
    /// device such as /dev/zero then fails at once instead of filling the disk).
    /// </summary>
    public static SpooledInput Copy(string path, Stream input, Action<byte[]> checkHead)
    {
        var buffer = new byte[HeadBytes];
        int length = input.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
        if (length == 0)
        {
            throw new DataFormatException($"{path} is empty.");
        }

        byte[] head = buffer[..length];
        checkHead(head);
        string file = Path.Combine(Path.GetTempPath(), $".gmm-input-{Guid.NewGuid():N}.tmp");
        string? temporary = file;
        SafeFileHandle? handle = null;
        try
        {
            handle = File.OpenHandle(
                file, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.ReadWrite);
            // The handle stays open (a FileStream would close it): it keeps the copy alive, so
            // the name can go at once where the handle can be reopened by /proc/self/fd.
            string link = $"/proc/self/fd/{handle.DangerousGetHandle()}";
            if (File.Exists(link))
            {
                File.Delete(file);
                temporary = null;
            }
            else
            {
                OutputFile.TrackTemporary(file);
            }

            RandomAccess.Write(handle, head, 0);
            long offset = head.Length;
            var chunk = new byte[1 << 20];
            int read;
            while ((read = input.Read(chunk)) > 0)
            {
                RandomAccess.Write(handle, chunk.AsSpan(0, read), offset);
                offset += read;
            }

            return temporary is null
                ? new SpooledInput(handle, link, null, head)
                : new SpooledInput(handle, file, file, head);
        }
        catch
        {
            handle?.Dispose();
            if (temporary is not null)
            {
                File.Delete(file);
                OutputFile.ForgetTemporary(file);
            }

            throw;
        }
    }

    /// <summary>Closes and deletes the copy.</summary>
    public void Dispose()
    {
        handle.Dispose();
        if (temporary is not null)
        {
            File.Delete(temporary);
            OutputFile.ForgetTemporary(temporary);
        }
    }
}
