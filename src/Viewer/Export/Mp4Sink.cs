using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;

namespace GmmGpu.Viewer.Export;

/// <summary>An H.264 MP4 written by an ffmpeg process fed raw RGBA frames on its stdin.</summary>
internal sealed class Mp4Sink : FrameSink
{
    private readonly string path;
    private readonly string temp;
    private readonly Process ffmpeg;
    private readonly Task<string> errors;

    /// <exception cref="InvalidOperationException">ffmpeg is not installed.</exception>
    public Mp4Sink(string path, int width, int height)
        : base(width, height)
    {
        this.path = path;
        temp = AtomicFile.TempPath(path);
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
            "-pix_fmt", "yuv420p", "-movflags", "+faststart", "-f", "mp4", temp,
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
            throw new InvalidOperationException(
                "MP4 export needs ffmpeg: apt-get install -y ffmpeg (or export .gif or a "
                + "folder)", ex);
        }

        errors = ffmpeg.StandardError.ReadToEndAsync();
        _ = ffmpeg.StandardOutput.ReadToEndAsync();
    }

    public override void Complete()
    {
        ffmpeg.StandardInput.Close();
        ffmpeg.WaitForExit();
        if (ffmpeg.ExitCode != 0)
        {
            File.Delete(temp);
            throw new IOException(
                $"ffmpeg failed writing {path} (exit {ffmpeg.ExitCode}): {errors.Result.Trim()}");
        }

        File.Move(temp, path, overwrite: true);
    }

    protected override void AddFrame(ReadOnlySpan<byte> rgba) =>
        ffmpeg.StandardInput.BaseStream.Write(rgba);

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            if (!ffmpeg.HasExited)
            {
                ffmpeg.Kill();
                ffmpeg.WaitForExit();
            }

            ffmpeg.Dispose();
            File.Delete(temp);
        }
    }
}
