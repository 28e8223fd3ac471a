using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using GmmGpu.Files;

namespace GmmGpu.Viewer.Export;

/// <summary>
/// An H.264 MP4 written by an ffmpeg process fed raw RGBA frames on its stdin, into a
/// temporary file of ours that <see cref="Complete"/> moves in place once ffmpeg has exited
/// with success. Any failure of ffmpeg (a full disk, a folder that refuses the file) is an
/// <see cref="IOException"/> naming the path and quoting ffmpeg, and leaves no file.
/// </summary>
internal sealed class Mp4Sink : FrameSink
{
    private readonly string path;
    private readonly OutputFile output;
    private readonly Process ffmpeg;
    private readonly Task<string> errors;
    private bool finished;

    /// <exception cref="InvalidOperationException">ffmpeg is not installed.</exception>
    /// <exception cref="IOException">The folder is missing or cannot be written.</exception>
    public Mp4Sink(string path, int width, int height)
        : base(width, height)
    {
        this.path = path;
        // Created here, so a folder that refuses it fails now with a clear message.
        output = OutputFile.Reserve(path);
        var start = new ProcessStartInfo("ffmpeg")
        {
            RedirectStandardInput = true,
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        string[] arguments =
        [
            "-hide_banner", "-loglevel", "error", "-y", "-f", "rawvideo", "-pix_fmt", "rgba",
            "-s", $"{width}x{height}", "-r", FramesPerSecond.ToString(CultureInfo.InvariantCulture),
            "-i", "-", "-vf", "pad=ceil(iw/2)*2:ceil(ih/2)*2", "-c:v", "libx264",
            "-pix_fmt", "yuv420p", "-movflags", "+faststart", "-f", "mp4", output.WritePath,
        ];
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        try
        {
            ffmpeg = Process.Start(start)
                ?? throw new InvalidOperationException("ffmpeg did not start");
        }
        catch (Win32Exception ex)
        {
            output.Dispose();
            throw new InvalidOperationException(
                "MP4 export needs ffmpeg: apt-get install -y ffmpeg (or export .gif or a "
                + "folder)", ex);
        }

        OutputFile.TrackWriter(ffmpeg);
        errors = ffmpeg.StandardError.ReadToEndAsync();
        _ = ffmpeg.StandardOutput.ReadToEndAsync();
    }

    public override void Finish()
    {
        if (finished)
        {
            return;
        }

        try
        {
            ffmpeg.StandardInput.Close();
        }
        catch (IOException)
        {
            // ffmpeg has gone (its exit status, checked next, says why).
        }

        ffmpeg.WaitForExit();
        // ffmpeg reports a failed write as an error line, sometimes with exit status 0.
        string message = errors.Result.Trim();
        if (ffmpeg.ExitCode != 0 || message.Length > 0)
        {
            throw Failed();
        }

        finished = true;
    }

    public override void Complete()
    {
        Finish();
        output.Commit();
    }

    protected override void AddFrame(ReadOnlySpan<byte> rgba)
    {
        try
        {
            ffmpeg.StandardInput.BaseStream.Write(rgba);
        }
        catch (IOException)
        {
            // A broken pipe: ffmpeg ended early; its own message says why.
            ffmpeg.WaitForExit();
            throw Failed();
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            if (!ffmpeg.HasExited)
            {
                ffmpeg.Kill();
                ffmpeg.WaitForExit();
            }

            OutputFile.ForgetWriter(ffmpeg);
            ffmpeg.Dispose();
            output.Dispose();
        }
    }

    private IOException Failed()
    {
        string message = errors.Result.Trim().ReplaceLineEndings(" ")
            .Replace(output.WritePath, path, StringComparison.Ordinal);
        if (message.Length > 300)
        {
            message = message[..300] + "...";
        }

        return new IOException(string.Create(CultureInfo.InvariantCulture,
            $"cannot write {path}: ffmpeg failed (exit {ffmpeg.ExitCode}): {message}"));
    }
}
