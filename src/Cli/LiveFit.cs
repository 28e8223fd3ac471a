using GmmGpu.Backends;
using GmmGpu.Engine;
using GmmGpu.Viewer;
using GmmGpu.Viewer.Gl;
using GmmGpu.Viewer.Live;

namespace GmmGpu.Cli;

/// <summary>
/// <c>gmm fit --view</c> and <c>gmm demo</c> with a display: EM runs on a worker thread while
/// this thread draws its latest snapshot in a window; with no display the fit runs here alone.
/// </summary>
internal static class LiveFit
{
    /// <summary>Runs <paramref name="fit"/>, showing it live when a window can open.</summary>
    /// <param name="fit">The fit, given the progress sink it must report to.</param>
    /// <param name="closeWhenDone">Close the window when the fit ends, instead of on Esc.</param>
    public static T Run<T>(
        Func<IProgress<IterationSnapshot>, T> fit,
        IProgress<IterationSnapshot> progress,
        PlotData data,
        ViewKind kind,
        ColorBy colorBy,
        Aspect aspect,
        (int Width, int Height) size,
        bool closeWhenDone,
        TextWriter stderr,
        bool quiet,
        CancellationToken cancellationToken)
    {
        using GlfwWindowContext? window =
            GlfwWindowContext.TryOpen(size.Width, size.Height, "gmm", out string? reason);
        if (window is null)
        {
            if (!quiet)
            {
                stderr.WriteLine($"gmm: no live view: {reason}; fitting without it.");
            }

            return fit(progress);
        }

        var live = new LiveView { ColorBy = colorBy, Aspect = aspect };
        var both = new ProgressFan(progress, live);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        Task<T>? task = null;
        void StartFit() => task = Task.Run(
            () =>
            {
                try
                {
                    return fit(both);
                }
                finally
                {
                    if (closeWhenDone)
                    {
                        // Long enough for the last snapshot to be drawn.
                        stop.CancelAfter(TimeSpan.FromSeconds(0.5));
                    }
                }
            },
            cancellationToken);

        using IComputeBackend drawing = ComputeBackends.Create(ComputeDevice.Cpu);
        live.Run(window, drawing, data, kind, start: null, () => task is { IsCompleted: true },
            stop.Token, ready: StartFit);
        // Run calls ready before its first frame, or throws.
        return task!.GetAwaiter().GetResult();
    }
}
