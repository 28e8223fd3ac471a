using GmmGpu.Backends;
using GmmGpu.Data;
using GmmGpu.Engine;
using GmmGpu.Viewer;
using GmmGpu.Viewer.Gl;
using GmmGpu.Viewer.Live;

namespace GmmGpu.Cli;

/// <summary>
/// <c>gmm fit --view</c>: EM runs on a worker thread while this thread draws its snapshots in a
/// window; with no display the fit goes on without one.
/// </summary>
internal static class LiveFit
{
    public static GaussianMixtureModel Fit(
        GaussianMixture mixture, LoadedData data, IProgress<IterationSnapshot> progress,
        FitArguments arguments, TextWriter stderr, CancellationToken cancellationToken)
    {
        (int width, int height) = arguments.FrameSize;
        using GlfwWindowContext? window =
            GlfwWindowContext.TryOpen(width, height, "gmm fit", out string? reason);
        if (window is null)
        {
            if (!arguments.Quiet)
            {
                stderr.WriteLine($"gmm: no live view: {reason}; fitting without it.");
            }

            return mixture.Fit(data.Values, data.Features, progress, cancellationToken);
        }

        var live = new LiveView();
        var both = new Fan(progress, live);
        Task<GaussianMixtureModel> fit = Task.Run(
            () => mixture.Fit(data.Values, data.Features, both, cancellationToken),
            cancellationToken);
        using IComputeBackend drawing = ComputeBackends.Create(ComputeDevice.Cpu);
        var plotData = ViewOptions.PlotData(data, arguments.ViewDims);
        live.Run(window, drawing, plotData,
            arguments.ViewKind ?? ViewOptions.DefaultKind(data.Features),
            start: null, fitDone: () => fit.IsCompleted);
        return fit.GetAwaiter().GetResult();
    }

    private sealed class Fan(
        IProgress<IterationSnapshot> first, IProgress<IterationSnapshot> second)
        : IProgress<IterationSnapshot>
    {
        public void Report(IterationSnapshot value)
        {
            first.Report(value);
            second.Report(value);
        }
    }
}
