using System.Collections.Concurrent;

namespace GmmGpu.Files;

/// <summary>
/// One output file written so that it appears whole or not at all: the bytes go to a
/// temporary file beside the target (a symbolic link is followed to its target), which
/// <see cref="Commit"/> moves over the target. A device or FIFO (/dev/null, a pipe) is written
/// in place instead and never replaced. Until committed, <see cref="Dispose"/> deletes the
/// temporary file, even when the disk is full; <see cref="DeletePending"/> deletes every one
/// still open when the process must end at once (a signal).
/// </summary>
/// <remarks>
/// Several outputs of one command appear together or not at all: <see cref="Close"/> each
/// (every temporary file complete), then <see cref="Commit"/> each (moves only).
/// </remarks>
public sealed class OutputFile : IDisposable
{
    private static readonly ConcurrentDictionary<string, bool> Pending = new();
    private static readonly ConcurrentDictionary<System.Diagnostics.Process, bool> Writers = new();

    private readonly FileStream file;
    private readonly BufferedStream? buffer;
    private readonly string target;
    private bool closed;
    private bool committed;

    private OutputFile(string path, bool open)
    {
        Path = path;
        OutputPaths.Check(path);
        target = OutputPaths.Target(path);
        InPlace = FileIdentity.Of(target).Kind == FileKind.Special;
        WritePath = InPlace ? target : OutputPaths.TemporaryPath(target);
        if (!InPlace)
        {
            Pending[WritePath] = true;
        }

        try
        {
            // Unbuffered file under a buffer of our own: abandoning the output drops the
            // buffer, so a full disk cannot make the clean-up flush (and throw) again.
            file = new FileStream(WritePath, InPlace ? FileMode.Open : FileMode.CreateNew,
                FileAccess.Write, InPlace ? FileShare.ReadWrite : FileShare.None, 0);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            Forget();
            throw OutputPaths.CannotWrite(path, error);
        }

        if (open)
        {
            buffer = new BufferedStream(new OutputStream(file, path), 1 << 20);
        }
        else
        {
            file.Dispose();
            closed = true;
        }
    }

    /// <summary>The path as given.</summary>
    public string Path { get; }

    /// <summary>Where the bytes go: the temporary file, or the device itself.</summary>
    public string WritePath { get; }

    /// <summary>Whether the target is a device or FIFO, written in place.</summary>
    public bool InPlace { get; }

    /// <summary>The stream to write (buffered); valid until <see cref="Close"/>.</summary>
    public Stream Stream => closed || buffer is null
        ? throw new InvalidOperationException($"{Path}: the output is closed.")
        : buffer;

    /// <summary>Starts writing <paramref name="path"/>; its folder must exist.</summary>
    /// <exception cref="IOException">The folder is missing, not writable, or the path is a
    /// folder.</exception>
    public static OutputFile Create(string path) => new(path, open: true);

    /// <summary>
    /// Reserves <see cref="WritePath"/> (created empty) for another writer, such as a child
    /// process; <see cref="Commit"/> moves what it wrote over the target.
    /// </summary>
    /// <inheritdoc cref="Create"/>
    public static OutputFile Reserve(string path) => new(path, open: false);

    /// <summary>Writes <paramref name="path"/> atomically with <paramref name="write"/>.</summary>
    /// <inheritdoc cref="Create"/>
    public static void Write(string path, Action<Stream> write)
    {
        using OutputFile output = Prepare(path, write);
        output.Commit();
    }

    /// <summary>
    /// Writes <paramref name="path"/>'s temporary file with <paramref name="write"/> and
    /// closes it; the caller commits (or disposes: nothing is left).
    /// </summary>
    /// <inheritdoc cref="Create"/>
    public static OutputFile Prepare(string path, Action<Stream> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        OutputFile output = Create(path);
        try
        {
            write(output.Stream);
            output.Close();
            return output;
        }
        catch
        {
            output.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Checks, before any work, that <paramref name="path"/> can be written: its folder exists
    /// and takes a new file, and it names a file (a device such as /dev/null is written in
    /// place).
    /// </summary>
    /// <exception cref="IOException">The folder is missing or cannot be written, or the path
    /// is a folder.</exception>
    /// <exception cref="UnauthorizedAccessException">No permission to write there.</exception>
    public static void Check(string path) => OutputPaths.Check(path);

    /// <summary>Deletes every temporary file not yet committed or disposed (for a process
    /// that must end now); safe to call from any thread.</summary>
    public static void DeletePending()
    {
        // A child writing a temporary file (ffmpeg) goes first: left running, it would write
        // its file again once this process has gone (ffmpeg does, at the end of its input).
        foreach (System.Diagnostics.Process writer in Writers.Keys)
        {
            try
            {
                writer.Kill();
                writer.WaitForExit(TimeSpan.FromSeconds(1));
            }
            catch (Exception error) when (
                error is InvalidOperationException or System.ComponentModel.Win32Exception)
            {
                // It has ended already.
            }
        }

        foreach (string temporary in Pending.Keys)
        {
            TryDelete(temporary);
        }
    }

    /// <summary>
    /// Registers a child process that writes a temporary file (<see cref="Reserve"/>), so that
    /// <see cref="DeletePending"/> ends it before deleting the files.
    /// </summary>
    public static void TrackWriter(System.Diagnostics.Process writer) => Writers[writer] = true;

    /// <summary>Forgets a process given to <see cref="TrackWriter"/> (it has ended).</summary>
    public static void ForgetWriter(System.Diagnostics.Process writer) =>
        Writers.TryRemove(writer, out _);

    /// <summary>Adds another temporary file (an input's copy) to those
    /// <see cref="DeletePending"/> deletes.</summary>
    public static void TrackTemporary(string path) => Pending[path] = true;

    /// <summary>Forgets a file given to <see cref="TrackTemporary"/> (it was deleted).</summary>
    public static void ForgetTemporary(string path) => Pending.TryRemove(path, out _);

    /// <summary>Flushes to the disk and closes: the temporary file is complete.</summary>
    public void Close()
    {
        if (closed)
        {
            return;
        }

        buffer!.Flush();
        try
        {
            if (!InPlace)
            {
                file.Flush(flushToDisk: true);
            }

            file.Dispose();
        }
        catch (IOException error)
        {
            throw OutputPaths.CannotWrite(Path, error);
        }

        closed = true;
    }

    /// <summary><see cref="Close"/>s, then moves the file over the target.</summary>
    public void Commit()
    {
        Close();
        if (!InPlace && !committed)
        {
            File.Move(WritePath, target, overwrite: true);
            Forget();
        }

        committed = true;
    }

    /// <summary>Closes; without <see cref="Commit"/>, deletes the temporary file.</summary>
    public void Dispose()
    {
        if (!closed)
        {
            closed = true;
            // Unbuffered: nothing is left to flush, so this cannot fail on a full disk.
            file.Dispose();
        }

        if (!committed && !InPlace)
        {
            TryDelete(WritePath);
            Forget();
        }
    }

    private void Forget() => Pending.TryRemove(WritePath, out _);

    private static void TryDelete(string temporary)
    {
        try
        {
            File.Delete(temporary);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            // Best effort: the folder may have gone; nothing else can be done here.
        }
    }
}
