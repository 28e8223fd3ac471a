using GmmGpu.Backends.Cpu.Blocked;
using GmmGpu.Engine;
using GmmGpu.Kernels;

namespace GmmGpu.Backends.Cpu;

/// <summary>
/// The fast CPU backend: hand-written SIMD passes over fixed-size chunks of rows, run in
/// parallel, with float32 per-point arithmetic and float64 sums reduced in chunk order. At
/// large D or K a blocked, GEMM-shaped pass replaces the point-at-a-time one (see
/// <see cref="CpuPass"/>).
/// </summary>
public sealed class CpuBackend : IComputeBackend
{
    private const int GridRowsPerChunk = 8;

    private readonly ChunkedLoop _loop;
    private readonly PartialPool _partials;
    private readonly CpuPass _pass;

    // The last blocked pass, kept with its padded factors (K·D² floats) for the next call on
    // a model of the same shape: EM calls once an iteration, and at large D allocating them
    // every time added to gigabytes of garbage. A call takes it, so concurrent calls never
    // share one.
    private IBlockedPass? _blocked;

    /// <summary>Creates a CPU backend that uses every core.</summary>
    public CpuBackend()
        : this(null)
    {
    }

    /// <summary>Creates a CPU backend.</summary>
    /// <param name="maxDegreeOfParallelism">Most worker threads, ≥ 1; null means every core.
    /// Results do not depend on it.</param>
    /// <param name="pass">Which per-point pass to run; <see cref="CpuPass.Auto"/> chooses per
    /// model.</param>
    public CpuBackend(int? maxDegreeOfParallelism, CpuPass pass = CpuPass.Auto)
    {
        if (maxDegreeOfParallelism is int threads)
        {
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(threads);
        }

        if (!Enum.IsDefined(pass))
        {
            throw new ArgumentOutOfRangeException(nameof(pass), pass, "Unknown CPU pass.");
        }

        _loop = new ChunkedLoop(maxDegreeOfParallelism);
        _partials = new PartialPool();
        _pass = pass;
        DeviceName = CpuInfo.ModelName();
    }

    /// <inheritdoc/>
    public ComputeDevice Device => ComputeDevice.Cpu;

    /// <inheritdoc/>
    public string DeviceName { get; }

    /// <inheritdoc/>
    public long MemoryBytes => GC.GetGCMemoryInfo().TotalAvailableMemoryBytes;

    /// <inheritdoc/>
    public IDeviceDataset Upload(ReadOnlyMemory<float> data, long rows, int columns) =>
        new CpuDataset(data, rows, columns);

    /// <inheritdoc/>
    public void Accumulate(
        IDeviceDataset data,
        KernelModel model,
        SufficientStatistics statistics,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(statistics);
        CpuDataset dataset = CpuDataset.From(data);
        dataset.EndSeeding();
        statistics.Clear();
        statistics.Count = dataset.Rows;
        Func<long, StatisticsPartial> rent = start => _partials.Rent(statistics, start);
        Action<StatisticsPartial> fold = partial => _partials.Fold(partial, statistics);
        using BlockedLease lease = LeaseBlocked(model);
        if (lease.Pass is IBlockedPass blocked)
        {
            blocked.Accumulate(_loop, dataset, rent, fold, cancellationToken);
            return;
        }

        var simdModel = new SimdModel(model);
        int d = model.Dimensions;
        Func<ReadOnlySpan<float>, int, SimdScratch, StatisticsPartial, StatisticsPartial> pass =
            SimdStatisticsPass.For(simdModel);
        _loop.RunFolded(
            dataset.Rows,
            () => new SimdScratch(simdModel),
            (start, count, scratch) => pass(
                dataset.Data.Span.Slice((int)start * d, count * d), count, scratch, rent(start)),
            fold,
            cancellationToken);
    }

    /// <inheritdoc/>
    public void ScoreSamples(
        IDeviceDataset data,
        KernelModel model,
        Span<double> logLikelihood)
    {
        ArgumentNullException.ThrowIfNull(model);
        CpuDataset dataset = CpuDataset.From(data);
        using BlockedLease lease = LeaseBlocked(model);
        if (lease.Pass is IBlockedPass blocked)
        {
            ForEachBlock(blocked, dataset, 0, logLikelihood, static (_, logProbability, b) =>
                logProbability[b]);
            return;
        }

        ForEachPoint(
            dataset,
            model,
            logLikelihood,
            (scratch, x) => scratch.LogProbability(model, x));
    }

    /// <inheritdoc/>
    public void Predict(IDeviceDataset data, KernelModel model, Span<int> labels)
    {
        ArgumentNullException.ThrowIfNull(model);
        CpuDataset dataset = CpuDataset.From(data);
        using BlockedLease lease = LeaseBlocked(model);
        if (lease.Pass is IBlockedPass blocked)
        {
            int components = model.Components;
            ForEachBlock(blocked, dataset, 0, labels, (logDensity, _, b) =>
                ArgMax(logDensity, b, components));
            return;
        }

        ForEachPoint(
            dataset,
            model,
            labels,
            (scratch, x) =>
            {
                PointDensity.ComponentLogDensities(model, x, scratch.Diff, scratch.LogDensity);
                return ArgMax(scratch.LogDensity);
            });
    }

    /// <inheritdoc/>
    public void PredictProba(
        IDeviceDataset data,
        KernelModel model,
        long start,
        int count,
        Span<double> responsibilities)
    {
        ArgumentNullException.ThrowIfNull(model);
        CpuDataset dataset = CpuDataset.From(data);
        int d = model.Dimensions;
        int components = model.Components;
        using BlockedLease lease = LeaseBlocked(model);
        if (lease.Pass is IBlockedPass blocked)
        {
            BlockedResponsibilities(blocked, dataset, start, count, components, responsibilities);
            return;
        }

        var scratch = new PointScratch(model);
        ReadOnlySpan<float> rows = dataset.Data.Span;
        for (int n = 0; n < count; n++)
        {
            double logProbability =
                scratch.LogProbability(model, rows.Slice((int)(start + n) * d, d));
            Span<double> row = responsibilities.Slice(n * components, components);
            for (int k = 0; k < components; k++)
            {
                row[k] = Math.Exp(scratch.LogDensity[k] - logProbability);
            }
        }
    }

    /// <inheritdoc/>
    public SampleCandidate SampleByMinSquaredDistance(
        IDeviceDataset data, ReadOnlySpan<float> centres, int count, ulong seed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        CpuDataset dataset = CpuDataset.From(data);
        int d = dataset.Columns;
        lock (dataset.SeedingLock)
        {
            // Successive draws of one seeding pass the same leading centres plus a new one.
            SeedDistances? state = dataset.Seeding;
            int folded = state?.FoldedPrefix(centres, count, d) ?? -1;
            if (state is null || folded < 0)
            {
                state = new SeedDistances(dataset.Rows);
                folded = 0;
                dataset.Seeding = state;
            }

            float[] newSeeds = centres[(folded * d)..(count * d)].ToArray();
            float[] distances = state.Distances;
            SampleCandidate[] partials = _loop.Run(
                dataset.Rows,
                static () => false,
                (start, rows, _) => KMeansPasses.SampleByMinSquaredDistance(
                    dataset.Data.Span.Slice((int)start * d, rows * d),
                    start,
                    d,
                    newSeeds,
                    distances.AsSpan((int)start, rows),
                    seed));
            state.Folded(centres[..(count * d)]);
            SampleCandidate best = SampleCandidate.None;
            foreach (SampleCandidate partial in partials)
            {
                best = best.Best(partial);
            }

            return best;
        }
    }

    /// <inheritdoc/>
    public double LloydStep(
        IDeviceDataset data,
        ReadOnlySpan<float> centres,
        int components,
        Span<double> counts,
        Span<double> sums)
    {
        CpuDataset dataset = CpuDataset.From(data);
        dataset.EndSeeding();
        int d = dataset.Columns;
        float[] centresCopy = centres.ToArray();
        NearestCentres? blocked = NearestCentres.Applies(components)
            ? new NearestCentres(centres, components, d)
            : null;
        LloydPartial[] partials = _loop.Run(
            dataset.Rows,
            static () => false,
            (start, count, _) => KMeansPasses.LloydStep(
                dataset.Data.Span.Slice((int)start * d, count * d),
                count,
                d,
                centresCopy,
                components,
                blocked));
        counts.Clear();
        sums.Clear();
        double inertia = 0;
        foreach (LloydPartial partial in partials)
        {
            for (int k = 0; k < components; k++)
            {
                counts[k] += partial.Counts[k];
            }

            for (int i = 0; i < sums.Length; i++)
            {
                sums[i] += partial.Sums[i];
            }

            inertia += partial.Inertia;
        }

        return inertia;
    }

    /// <inheritdoc/>
    public unsafe void EvaluateDensityGrid(KernelModel model, DensityGrid grid, Span<float> density)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(grid);
        grid.Validate(model.Dimensions);
        fixed (float* output = density)
        {
            nint address = (nint)output;
            _loop.Run(grid.Height, GridRowsPerChunk, (firstRow, rowCount) =>
                DensityGridPass.Run(model, grid, (int)firstRow, rowCount, (float*)address));
        }
    }

    /// <inheritdoc/>
    public void Dispose() => _blocked = null;

    /// <summary>
    /// The blocked pass for <paramref name="model"/>, or none for the SIMD pass: the kept one
    /// when it is free and of the model's shape, else a new one; kept again when the lease ends.
    /// </summary>
    private BlockedLease LeaseBlocked(KernelModel model)
    {
        if (!CpuPassChoice.UsesBlocked(model, _pass))
        {
            return default;
        }

        IBlockedPass? kept = Interlocked.Exchange(ref _blocked, null);
        return new BlockedLease(
            this, kept is not null && kept.TryLoad(model) ? kept : CpuPassChoice.Create(model));
    }

    /// <summary>A blocked pass in use by one call (<see cref="LeaseBlocked"/>).</summary>
    private readonly struct BlockedLease(CpuBackend owner, IBlockedPass? pass) : IDisposable
    {
        /// <summary>The pass, or null: run the SIMD pass.</summary>
        public IBlockedPass? Pass => pass;

        public void Dispose()
        {
            if (pass is not null)
            {
                Volatile.Write(ref owner._blocked, pass);
            }
        }
    }

    /// <summary>output[n] = perPoint(scratch, x_n) for every point, in parallel chunks.</summary>
    private unsafe void ForEachPoint<T>(
        CpuDataset dataset,
        KernelModel model,
        Span<T> output,
        Func<PointScratch, ReadOnlySpan<float>, T> perPoint)
        where T : unmanaged
    {
        int d = model.Dimensions;
        fixed (T* pinned = output)
        {
            nint address = (nint)pinned;
            _loop.Run(dataset.Rows, ChunkedLoop.ChunkRows, (start, count) =>
            {
                var scratch = new PointScratch(model);
                ReadOnlySpan<float> rows = dataset.Data.Span.Slice((int)start * d, count * d);
                var target = new Span<T>((T*)address + start, count);
                for (int n = 0; n < count; n++)
                {
                    target[n] = perPoint(scratch, rows.Slice(n * d, d));
                }
            });
        }
    }

    /// <summary>
    /// output[n] = perPoint(logDensity, logProbability, b) for the rows from
    /// <paramref name="start"/> on, block by block through the blocked pass; b is the point's
    /// index in its block (component k's log-density at k·BlockRows + b).
    /// </summary>
    private unsafe void ForEachBlock<T>(
        IBlockedPass blocked,
        CpuDataset dataset,
        long start,
        Span<T> output,
        BlockPointFunction<T> perPoint)
        where T : unmanaged
    {
        fixed (T* pinned = output)
        {
            nint address = (nint)pinned;
            blocked.ForEachBlock(
                _loop,
                dataset,
                start,
                output.Length,
                (firstRow, count, logDensity, logProbability) =>
                {
                    var target = new Span<T>((T*)address + (firstRow - start), count);
                    for (int b = 0; b < count; b++)
                    {
                        target[b] = perPoint(logDensity, logProbability, b);
                    }
                });
        }
    }

    /// <summary>Rows of responsibilities exp(L_k − log p(x)), log p(x) in float64.</summary>
    private unsafe void BlockedResponsibilities(
        IBlockedPass blocked,
        CpuDataset dataset,
        long start,
        int count,
        int components,
        Span<double> responsibilities)
    {
        fixed (double* pinned = responsibilities)
        {
            nint address = (nint)pinned;
            blocked.ForEachBlock(
                _loop,
                dataset,
                start,
                count,
                (firstRow, rows, logDensity, _) =>
                {
                    var target = new Span<double>(
                        (double*)address + ((firstRow - start) * components),
                        rows * components);
                    for (int b = 0; b < rows; b++)
                    {
                        Span<double> row = target.Slice(b * components, components);
                        double max = double.NegativeInfinity;
                        for (int k = 0; k < components; k++)
                        {
                            row[k] = logDensity[(k * BlockScratch.BlockRows) + b];
                            max = Math.Max(max, row[k]);
                        }

                        double sum = 0;
                        foreach (double value in row)
                        {
                            sum += Math.Exp(value - max);
                        }

                        double logProbability = max + Math.Log(sum);
                        for (int k = 0; k < components; k++)
                        {
                            row[k] = Math.Exp(row[k] - logProbability);
                        }
                    }
                });
        }
    }

    /// <summary>The blocked tile's <see cref="ArgMax(ReadOnlySpan{float})"/> for point b.</summary>
    private static int ArgMax(ReadOnlySpan<float> logDensity, int b, int components)
    {
        int best = 0;
        for (int k = 1; k < components; k++)
        {
            if (logDensity[(k * BlockScratch.BlockRows) + b]
                > logDensity[(best * BlockScratch.BlockRows) + b])
            {
                best = k;
            }
        }

        return logDensity[(best * BlockScratch.BlockRows) + b] > -float.MaxValue ? best : -1;
    }

    private delegate T BlockPointFunction<T>(
        ReadOnlySpan<float> logDensity,
        ReadOnlySpan<float> logProbability,
        int b);

    /// <summary>The first k of the highest value, or −1 when every value is clamped (the
    /// point is too far from every component for float32).</summary>
    private static int ArgMax(ReadOnlySpan<float> values)
    {
        int best = 0;
        for (int k = 1; k < values.Length; k++)
        {
            if (values[k] > values[best])
            {
                best = k;
            }
        }

        return values[best] > -float.MaxValue ? best : -1;
    }
}
