using System.Collections.Concurrent;
using GmmGpu.Data;
using GmmGpu.Engine;

namespace GmmGpu.Passes;

/// <summary>
/// Runs one computation on every chunk of a plan, spread over the devices, and hands the
/// partial results back in chunk order, so the sums do not depend on which device finished
/// first. Resident chunks are read from the source once; streamed ones are read every pass
/// by one reader thread into two buffers per device (the next chunk is read while the
/// device computes on the current one).
/// </summary>
internal sealed class ChunkPipeline : IDisposable
{
    private readonly IRowSource source;
    private readonly IReadOnlyList<IComputeBackend> devices;
    private readonly ChunkPlan plan;
    private IDeviceDataset[]? resident;

    // The streamed chunks' host buffers, at most two a device, made when first needed (mapped
    // rows need none) and kept from pass to pass: allocating and zeroing them every pass cost
    // more than reading the chunks.
    private readonly List<float[]> buffers = [];

    public ChunkPipeline(
        IRowSource source, IReadOnlyList<IComputeBackend> devices, ChunkPlan plan)
    {
        this.source = source;
        this.devices = devices;
        this.plan = plan;
    }

    public ChunkPlan Plan => plan;

    /// <summary>
    /// Computes <paramref name="compute"/>(device, chunk data, chunk) for every chunk and calls
    /// <paramref name="combine"/> with the results in chunk order, on the calling thread.
    /// </summary>
    public void Run<T>(
        Func<IComputeBackend, IDeviceDataset, Chunk, T> compute,
        Action<T> combine,
        CancellationToken cancellationToken)
    {
        if (plan.Resident)
        {
            RunResident(compute, combine, cancellationToken);
        }
        else
        {
            RunStreaming(compute, combine, cancellationToken);
        }
    }

    public void Dispose()
    {
        foreach (IDeviceDataset dataset in resident ?? [])
        {
            dataset.Dispose();
        }

        resident = null;
        buffers.Clear();
    }

    private static Task Dedicated(Action work) => Task.Factory.StartNew(
        work, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);

    private IComputeBackend DeviceOf(Chunk chunk) => devices[chunk.Index % devices.Count];

    private void RunResident<T>(
        Func<IComputeBackend, IDeviceDataset, Chunk, T> compute,
        Action<T> combine,
        CancellationToken cancellationToken)
    {
        IDeviceDataset[] datasets = resident ??= Load(cancellationToken);
        IReadOnlyList<Chunk> chunks = plan.Chunks;
        if (chunks.Count == 1)
        {
            combine(compute(devices[0], datasets[0], chunks[0]));
            return;
        }

        var results = new T[chunks.Count];
        int deviceCount = Math.Min(devices.Count, chunks.Count);
        var options = new ParallelOptions { CancellationToken = cancellationToken };
        try
        {
            Parallel.For(0, deviceCount, options, d =>
            {
                for (int c = d; c < chunks.Count; c += devices.Count)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    results[c] = compute(devices[d], datasets[c], chunks[c]);
                }
            });
        }
        catch (AggregateException error)
        {
            // The device's own exception, as one device or the streaming path would throw it.
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(error.InnerExceptions[0]);
        }
        foreach (T result in results)
        {
            combine(result);
        }
    }

    /// <summary>
    /// Uploads every chunk to its device; rows already in memory (<see cref="IMappedRows"/>) are
    /// not copied on the CPU.
    /// </summary>
    private IDeviceDataset[] Load(CancellationToken cancellationToken)
    {
        int d = source.Columns;
        var datasets = new List<IDeviceDataset>(plan.Chunks.Count);
        try
        {
            foreach (Chunk chunk in plan.Chunks)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (!source.TryMapRows(chunk.Start, chunk.Rows, out ReadOnlyMemory<float> rows))
                {
                    var buffer = new float[(long)chunk.Rows * d];
                    source.Read(chunk.Start, chunk.Rows, buffer);
                    rows = buffer;
                }

                datasets.Add(DeviceOf(chunk).Upload(rows, chunk.Rows, d));
            }
        }
        catch
        {
            datasets.ForEach(dataset => dataset.Dispose());
            throw;
        }

        return [.. datasets];
    }

    private void RunStreaming<T>(
        Func<IComputeBackend, IDeviceDataset, Chunk, T> compute,
        Action<T> combine,
        CancellationToken cancellationToken)
    {
        int d = source.Columns;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        CancellationToken token = stop.Token;
        using var free = new BlockingCollection<float[]>();
        foreach (float[] buffer in buffers)
        {
            free.Add(buffer);
        }

        float[] TakeBuffer(CancellationToken token)
        {
            if (free.Count == 0 && buffers.Count < 2 * devices.Count)
            {
                buffers.Add(new float[(long)plan.ChunkRows * d]);
                return buffers[^1];
            }

            return free.Take(token);
        }

        using var work =
            new BlockingCollection<(Chunk Chunk, ReadOnlyMemory<float> Rows, float[]? Buffer)>(
                devices.Count);
        using var done = new BlockingCollection<(int Index, T Result)>();
        Exception? failure = null;
        void Fail(Exception e)
        {
            Interlocked.CompareExchange(ref failure, e, null);
            stop.Cancel();
        }

        // Dedicated threads: they block on the queues, and blocked pool threads would starve
        // the CPU backend's Parallel.For on a machine with few cores.
        Task reader = Dedicated(() =>
        {
            try
            {
                foreach (Chunk chunk in plan.Chunks)
                {
                    if (source.TryMapRows(chunk.Start, chunk.Rows, out ReadOnlyMemory<float> inPlace))
                    {
                        work.Add((chunk, inPlace, null), token);
                        continue;
                    }

                    float[] buffer = TakeBuffer(token);
                    source.Read(chunk.Start, chunk.Rows, buffer.AsSpan(0, chunk.Rows * d));
                    work.Add((chunk, buffer.AsMemory(0, chunk.Rows * d), buffer), token);
                }
            }
            catch (OperationCanceledException) when (token.IsCancellationRequested)
            {
                // Stopped: a device failed or the caller cancelled. Any other cancellation is a
                // failure: swallowed, it would leave the pass waiting for its chunks forever.
            }
            catch (Exception e)
            {
                Fail(e);
            }
            finally
            {
                work.CompleteAdding();
            }
        });
        Task[] workers = devices.Select(device => Dedicated(() =>
        {
            try
            {
                foreach ((Chunk chunk, ReadOnlyMemory<float> rows, float[]? buffer)
                    in work.GetConsumingEnumerable(token))
                {
                    T result;
                    using (IDeviceDataset dataset = device.Upload(rows, chunk.Rows, d))
                    {
                        result = compute(device, dataset, chunk);
                    }

                    if (buffer is not null)
                    {
                        free.Add(buffer);
                    }

                    done.Add((chunk.Index, result));
                }
            }
            catch (OperationCanceledException) when (token.IsCancellationRequested)
            {
                // Stopped: the reader or another device failed, or the caller cancelled.
            }
            catch (Exception e)
            {
                Fail(e);
            }
        })).ToArray();

        try
        {
            var pending = new Dictionary<int, T>();
            for (int next = 0; next < plan.Chunks.Count;)
            {
                (int index, T result) = done.Take(token);
                pending.Add(index, result);
                while (pending.Remove(next, out T? ready))
                {
                    combine(ready);
                    next++;
                }
            }
        }
        catch (OperationCanceledException) when (failure is not null)
        {
            // A reader or device failed: its exception is the one to report.
        }
        finally
        {
            stop.Cancel();
            Task.WaitAll([reader, .. workers]);
        }

        if (failure is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(failure);
        }
    }
}
