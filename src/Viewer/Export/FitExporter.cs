using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;
using GmmGpu.Engine;

namespace GmmGpu.Viewer.Export;

/// <summary>
/// Draws a fit into a sink while it runs. EM reports snapshots from its thread; a thread of the
/// exporter's own, with its own headless GL context, draws each one in order into the sink.
/// Snapshots are small (O(K·D²)), so EM does not wait for the drawing: only when the snapshots
/// waiting to be drawn pass <c>maxQueuedBytes</c> does <see cref="Report"/> wait
/// (back-pressure), so no frame is dropped and memory stays bounded.
/// </summary>
public sealed class FitExporter : IProgress<IterationSnapshot>, IDisposable
{
    private readonly BlockingCollection<IterationSnapshot> queue = new();
    private readonly SemaphoreSlim drawn = new(0);
    private readonly long maxQueuedBytes;
    private long queuedBytes;
    private readonly CancellationTokenSource stop = new();
    private readonly ManualResetEventSlim ready = new();
    private readonly FrameSink sink;
    private readonly Thread thread;
    private volatile ExceptionDispatchInfo? failure;
    private int written;

    /// <summary>
    /// Starts the drawing thread and waits until its GL context is ready, so a missing OpenGL
    /// fails here, before the fit.
    /// </summary>
    /// <param name="sink">Where frames go; owned by the exporter from here on, even on
    /// failure.</param>
    /// <param name="backend">Evaluates density grids on the drawing thread only: not the backend
    /// EM runs on.</param>
    /// <param name="colorBy">How the points view colours the data.</param>
    /// <param name="aspect">How the 2-D views scale their two features.</param>
    /// <param name="maxQueuedBytes">Bytes of snapshots that may wait to be drawn, ≥ 1 (one
    /// snapshot may always wait); the default, 64 MiB, is thousands of iterations of a small
    /// model, so EM runs at full speed while the frames are drawn.</param>
    /// <exception cref="Gl.GlUnavailableException">No OpenGL.</exception>
    public FitExporter(
        FrameSink sink, ViewKind kind, PlotData data, IComputeBackend backend,
        ColorBy colorBy = ColorBy.Density, long maxQueuedBytes = 64L << 20,
        Aspect aspect = Aspect.Auto)
    {
        ArgumentNullException.ThrowIfNull(sink);
        this.sink = sink;
        try
        {
            ArgumentNullException.ThrowIfNull(data);
            ArgumentNullException.ThrowIfNull(backend);
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxQueuedBytes);
            this.maxQueuedBytes = maxQueuedBytes;
            thread = new Thread(() => Draw(kind, data, backend, colorBy, aspect))
            {
                IsBackground = true,
                Name = "gmm export",
            };
            thread.Start();
            ready.Wait();
            if (failure is not null)
            {
                thread.Join();
                failure.Throw();
            }
        }
        catch
        {
            sink.Dispose();
            stop.Dispose();
            ready.Dispose();
            drawn.Dispose();
            queue.Dispose();
            throw;
        }
    }

    /// <summary>Queues a snapshot to draw; waits while the queue holds too many bytes.</summary>
    /// <exception cref="Exception">Drawing or writing an earlier frame failed (its
    /// exception).</exception>
    public void Report(IterationSnapshot value)
    {
        ArgumentNullException.ThrowIfNull(value);
        failure?.Throw();
        long size = BytesOf(value);
        try
        {
            while (Interlocked.Read(ref queuedBytes) > 0
                && Interlocked.Read(ref queuedBytes) + size > maxQueuedBytes)
            {
                drawn.Wait(stop.Token);
            }

            Interlocked.Add(ref queuedBytes, size);
            queue.Add(value, stop.Token);
        }
        catch (OperationCanceledException)
        {
            failure?.Throw();
            throw;
        }
    }

    /// <summary>
    /// Ends the fit: waits until every snapshot is drawn, holds the last frame and completes the
    /// sink. Returns the frames written.
    /// </summary>
    /// <param name="cancellationToken">Stops the drawing of the frames still waiting: nothing
    /// is completed (a signal while the last frames are drawn).</param>
    /// <exception cref="Exception">Drawing or writing a frame failed (its exception).</exception>
    /// <exception cref="OperationCanceledException">Cancelled.</exception>
    public int Complete(CancellationToken cancellationToken = default)
    {
        queue.CompleteAdding();
        using (cancellationToken.Register(stop.Cancel))
        {
            thread.Join();
        }

        failure?.Throw();
        cancellationToken.ThrowIfCancellationRequested();
        return written;
    }

    /// <summary>Stops drawing (a fit that failed or was cancelled) and drops what was written.
    /// </summary>
    public void Dispose()
    {
        if (thread.IsAlive)
        {
            stop.Cancel();
            thread.Join();
        }

        sink.Dispose();
        queue.Dispose();
        stop.Dispose();
        ready.Dispose();
        drawn.Dispose();
    }

    /// <summary>About what a snapshot holds: weights, means, covariances and their factors.</summary>
    private static long BytesOf(IterationSnapshot snapshot)
    {
        long k = snapshot.Parameters.Components, d = snapshot.Parameters.Dimensions;
        return (sizeof(double) * (k + (k * d) + (2 * k * d * d))) + 256;
    }

    private void Draw(
        ViewKind kind, PlotData data, IComputeBackend backend, ColorBy colorBy, Aspect aspect)
    {
        MixtureRenderer? renderer = null;
        try
        {
            renderer = new MixtureRenderer(sink.Width, sink.Height, backend)
            {
                Settings = { PointsColorBy = colorBy, Aspect = aspect },
            };
            var animation = new FitAnimation(renderer, kind, data, sink);
            ready.Set();
            foreach (IterationSnapshot snapshot in queue.GetConsumingEnumerable(stop.Token))
            {
                animation.Add(snapshot);
                Interlocked.Add(ref queuedBytes, -BytesOf(snapshot));
                drawn.Release();
            }

            written = animation.Complete();
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // Disposed before the end: nothing is completed.
        }
        catch (Exception e)
        {
            failure = ExceptionDispatchInfo.Capture(e);
            // Wakes a Report waiting on a full queue, which then throws this failure.
            stop.Cancel();
        }
        finally
        {
            renderer?.Dispose();
            ready.Set();
        }
    }
}
