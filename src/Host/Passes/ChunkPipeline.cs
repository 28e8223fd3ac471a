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

    // The streamed chunks' host buffers, two a device, kept from pass to pass: allocating
    // (and zeroing) them every pass cost more than reading the chunks.
    private float[][]? buffers;

    public ChunkPipeline(IRowSource source, IReadOnlyList<IComputeBackend> devices, ChunkPlan plan)
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
        buffers = null;
    }

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
        Parallel.For(0, deviceCount, new ParallelOptions { CancellationToken = cancellationToken }, d =>
        {
            for (int c = d; c < chunks.Count; c += devices.Count)
            {
                cancellationToken.ThrowIfCancellationRequested();
                results[c] = compute(devices[d], datasets[c], chunks[c]);
            }
        });
        foreach (T result in results)
        {
            combine(result);
        }
    }

    /// <summary>Uploads every chunk to its device; in-memory rows are not copied on the CPU.</summary>
    private IDeviceDataset[] Load(CancellationToken cancellationToken)
    {
        int d = source.Columns;
        var datasets = new List<IDeviceDataset>(plan.Chunks.Count);
        try
        {
            foreach (Chunk chunk in plan.Chunks)
            {
                cancellationToken.ThrowIfCancellationRequested();
                ReadOnlyMemory<float> rows;
                if (source is MemoryRowSource memory)
                {
                    rows = memory.Values.Slice((int)(chunk.Start * d), chunk.Rows * d);
                }
                else
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
        buffers ??= Enumerable.Range(0, 2 * devices.Count)
            .Select(_ => new float[(long)plan.ChunkRows * d]).ToArray();
        using var free = new BlockingCollection<float[]>();
        foreach (float[] buffer in buffers)
        {
            free.Add(buffer);
        }

        using var work = new BlockingCollection<(Chunk Chunk, float[] Rows)>(devices.Count);
        using var done = new BlockingCollection<(int Index, T Result)>();
        Exception? failure = null;
        void Fail(Exception e)
        {
            Interlocked.CompareExchange(ref failure, e, null);
            stop.Cancel();
        }

        var reader = Task.Run(() =>
        {
            try
            {
                foreach (Chunk chunk in plan.Chunks)
                {
                    float[] buffer = free.Take(token);
                    source.Read(chunk.Start, chunk.Rows, buffer.AsSpan(0, chunk.Rows * d));
                    work.Add((chunk, buffer), token);
                }
            }
            catch (OperationCanceledException)
            {
                // Stopped: a device failed or the caller cancelled.
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
        Task[] workers = devices.Select(device => Task.Run(() =>
        {
            try
            {
                foreach ((Chunk chunk, float[] rows) in work.GetConsumingEnumerable(token))
                {
                    T result;
                    using (IDeviceDataset dataset = device.Upload(rows.AsMemory(0, chunk.Rows * d), chunk.Rows, d))
                    {
                        result = compute(device, dataset, chunk);
                    }

                    free.Add(rows);
                    done.Add((chunk.Index, result));
                }
            }
            catch (OperationCanceledException)
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
