using GmmGpu.Backends;
using GmmGpu.Engine;
using GmmGpu.Viewer;
using GmmGpu.Viewer.Export;

namespace GmmGpu.Cli;

/// <summary>
/// Draws every EM iteration of a fit into a sink while the fit runs (<c>gmm fit --export</c>,
/// the demo's pictures), with a CPU backend of its own for the density grids.
/// </summary>
internal sealed class ExportWriter : IDisposable
{
    private readonly IComputeBackend backend;
    private readonly FitExporter exporter;

    /// <param name="sink">Owned from here on, even when this throws.</param>
    /// <exception cref="Viewer.Gl.GlUnavailableException">No OpenGL.</exception>
    public ExportWriter(
        FrameSink sink, ViewKind view, PlotData data, ColorBy colorBy = ColorBy.Density,
        Aspect aspect = Aspect.Auto)
    {
        try
        {
            backend = ComputeBackends.Create(ComputeDevice.Cpu);
        }
        catch
        {
            sink.Dispose();
            throw;
        }

        try
        {
            exporter = new FitExporter(sink, view, data, backend, colorBy, aspect: aspect);
        }
        catch
        {
            backend.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Where the fit reports its snapshots; waits only when 64 MiB of them wait to be drawn.
    /// </summary>
    public IProgress<IterationSnapshot> Progress => exporter;

    /// <summary>Fails early (before the fit) when the export path cannot be written; an
    /// unknown kind of file (--export e.webm) is a usage error.</summary>
    public static void CheckPath(string path)
    {
        try
        {
            FrameSink.CheckPath(path);
        }
        catch (ArgumentException error) when (error.ParamName == "path")
        {
            throw new UsageException(
                error.Message.Replace(" (Parameter 'path')", "", StringComparison.Ordinal));
        }
    }

    /// <summary>Waits for the last frames and writes the result; returns the frames written.
    /// </summary>
    public int Complete(CancellationToken cancellationToken) =>
        exporter.Complete(cancellationToken);

    public void Dispose()
    {
        exporter.Dispose();
        backend.Dispose();
    }
}
