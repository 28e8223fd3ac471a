using GmmGpu.Data;
using GmmGpu.Distributed;
using GmmGpu.Engine;
using GmmGpu.Initialisation;
using GmmGpu.Kernels;

namespace GmmGpu.Passes;

/// <summary>
/// The passes of EM over all the data, wherever it lives: one process's rows cut into chunks
/// (<see cref="ChunkPlan"/>), resident on or streamed through one or more devices, the partial
/// sums added in chunk order, then summed over the processes with one all-reduce. Every pass
/// first agrees across the processes on whether one failed, so no process waits forever in a
/// collective that another has left.
/// </summary>
internal sealed class DataPasses : IDisposable
{
    private readonly IRowSource source;
    private readonly ChunkPipeline pipeline;
    private readonly ICommunicator communicator;
    private readonly System.Collections.Concurrent.ConcurrentBag<SufficientStatistics> partials =
        [];

    private DataPasses(
        IRowSource source, ChunkPipeline pipeline, ICommunicator communicator, long rows)
    {
        this.source = source;
        this.pipeline = pipeline;
        this.communicator = communicator;
        Rows = rows;
    }

    /// <summary>Rows of every process together, N.</summary>
    public long Rows { get; }

    /// <summary>Features D.</summary>
    public int Columns => source.Columns;

    /// <summary>How this process's rows are cut and kept.</summary>
    public ChunkPlan Plan => pipeline.Plan;

    /// <summary>
    /// Plans the passes over <paramref name="source"/> (this process's rows) on
    /// <paramref name="devices"/>. The budget is <paramref name="maxDeviceMemory"/>, or half the
    /// smallest device's memory.
    /// </summary>
    public static DataPasses Create(
        IRowSource source,
        IReadOnlyList<IComputeBackend> devices,
        ICommunicator communicator,
        int? chunkRows,
        long? maxDeviceMemory)
    {
        long budget = maxDeviceMemory ?? devices.Min(device => device.MemoryBytes) / 2;

        // Agreed: the plan can fail on one rank alone (its share or its devices differ).
        ChunkPlan plan = Agreement.Run(
            communicator,
            () => ChunkPlan.Create(source.Rows, source.Columns, devices.Count, chunkRows, budget));
        double[] rows = [source.Rows];
        communicator.AllReduceSum(rows);
        return new DataPasses(
            source, new ChunkPipeline(source, devices, plan), communicator, (long)rows[0]);
    }

    /// <summary>
    /// The fused E-step over all the data: <see cref="IComputeBackend.Accumulate"/>.
    /// </summary>
    public void Accumulate(
        KernelModel model, SufficientStatistics statistics, CancellationToken cancellationToken)
    {
        statistics.Clear();
        Agree(() => pipeline.Run(
            (device, data, chunk) =>
            {
                // The first chunk is folded first, into zeros: its device writes the total
                // itself, and data of one chunk (wide data) holds no second copy of the sums.
                SufficientStatistics partial =
                    chunk.Index == 0 ? statistics : RentPartial(statistics);
                device.Accumulate(data, model, partial, cancellationToken);
                return partial;
            },
            partial =>
            {
                if (!ReferenceEquals(partial, statistics))
                {
                    Add(statistics, partial);
                    partials.Add(partial);
                }
            },
            cancellationToken));
        if (communicator.Size > 1)
        {
            double[] packed =
            [
                .. statistics.Nk, .. statistics.Sk, .. statistics.Qk,
                statistics.LogLikelihood, statistics.Count,
            ];
            communicator.AllReduceSum(packed);
            Unpack(packed, statistics);
        }
    }

    /// <summary>
    /// One Lloyd step over all the data: <see cref="IComputeBackend.LloydStep"/>.
    /// </summary>
    public double LloydStep(
        ReadOnlySpan<float> centres,
        int components,
        Span<double> counts,
        Span<double> sums,
        CancellationToken cancellationToken)
    {
        int d = Columns;
        float[] centresCopy = centres[..(components * d)].ToArray();
        var total = new double[components + (components * d) + 1];
        Agree(() => pipeline.Run(
            (device, data, _) =>
            {
                var partial = new double[total.Length];
                partial[^1] = device.LloydStep(
                    data,
                    centresCopy,
                    components,
                    partial.AsSpan(0, components),
                    partial.AsSpan(components, components * d));
                return partial;
            },
            partial => AddInto(total, partial),
            cancellationToken));
        communicator.AllReduceSum(total);
        total.AsSpan(0, components).CopyTo(counts);
        total.AsSpan(components, components * d).CopyTo(sums);
        return total[^1];
    }

    /// <summary>
    /// A k-means++ draw over all the data
    /// (<see cref="IComputeBackend.SampleByMinSquaredDistance"/>) with rows numbered across
    /// every process, so the draw does not depend on how the rows are split. Returns the row of
    /// the whole data, or −1.
    /// </summary>
    public long SampleByMinSquaredDistance(
        ReadOnlySpan<float> centres, int count, ulong seed, CancellationToken cancellationToken)
    {
        float[] centresCopy = centres.ToArray();
        SampleCandidate best = SampleCandidate.None;
        Agree(() => pipeline.Run(
            (device, data, chunk) =>
            {
                // u_i hashes (seed, i) as seed + i·γ: shifting the seed numbers the chunk's rows
                // globally.
                long first = source.FirstRow + chunk.Start;
                SampleCandidate local = device.SampleByMinSquaredDistance(
                    data,
                    centresCopy,
                    count,
                    unchecked(seed + ((ulong)first * ExponentialKeys.Gamma)));
                return local.Row < 0 ? local : local with { Row = local.Row + first };
            },
            candidate => best = best.Best(candidate),
            cancellationToken));
        if (communicator.Size > 1)
        {
            double[] key = [best.Key];
            communicator.AllReduceMin(key);
            double[] row =
            [
                best.Row >= 0 && best.Key == key[0] ? best.Row : double.PositiveInfinity,
            ];
            communicator.AllReduceMin(row);
            return double.IsPositiveInfinity(row[0]) ? -1 : (long)row[0];
        }

        return best.Row;
    }

    /// <summary>
    /// Copies row <paramref name="row"/> of the whole data (0 ≤ row &lt; N) to every process.
    /// </summary>
    public void ReadRow(long row, Span<float> destination)
    {
        long local = row - source.FirstRow;
        bool mine = local >= 0 && local < source.Rows;
        var values = new float[Columns];
        Agree(() =>
        {
            if (mine)
            {
                source.Read(local, 1, values);
            }
        });
        values.CopyTo(destination);
        if (communicator.Size > 1)
        {
            // Only the owner adds its values, so the sum is the row itself.
            var sum = new double[Columns];
            for (int j = 0; mine && j < Columns; j++)
            {
                sum[j] = values[j];
            }

            communicator.AllReduceSum(sum);
            for (int j = 0; j < Columns; j++)
            {
                destination[j] = (float)sum[j];
            }
        }
    }

    /// <summary>Per-feature bounds and variances of all the data (every process's rows).
    /// </summary>
    public FeatureSummary Moments(CancellationToken cancellationToken)
    {
        var moments = new FeatureSummary(Columns);
        // A batch at a time, not a chunk: a resident chunk can be the whole share.
        Agree(() => RowBatches.ForEach(
            source, (rows, _, _) => moments.Add<float>(rows.Span), cancellationToken));
        moments.Combine(communicator);
        return moments;
    }

    public void Dispose() => pipeline.Dispose();

    /// <summary>A partial shaped as <paramref name="statistics"/>: one kept from an earlier
    /// pass when there is one (K·D² sums are not allocated again every iteration).</summary>
    private SufficientStatistics RentPartial(SufficientStatistics statistics)
    {
        while (partials.TryTake(out SufficientStatistics? partial))
        {
            if (partial.Qk.Length == statistics.Qk.Length
                && partial.Sk.Length == statistics.Sk.Length
                && partial.Nk.Length == statistics.Nk.Length)
            {
                return partial;
            }
        }

        return new SufficientStatistics(
            statistics.Components, statistics.Dimensions, statistics.Form);
    }

    private static void Add(SufficientStatistics total, SufficientStatistics partial)
    {
        AddInto(total.Nk, partial.Nk);
        AddInto(total.Sk, partial.Sk);
        AddInto(total.Qk, partial.Qk);
        total.LogLikelihood += partial.LogLikelihood;
        total.Count += partial.Count;
    }

    private static void AddInto(double[] total, double[] partial)
    {
        for (int i = 0; i < total.Length; i++)
        {
            total[i] += partial[i];
        }
    }

    private static void Unpack(double[] packed, SufficientStatistics statistics)
    {
        int k = statistics.Nk.Length, s = statistics.Sk.Length, q = statistics.Qk.Length;
        packed.AsSpan(0, k).CopyTo(statistics.Nk);
        packed.AsSpan(k, s).CopyTo(statistics.Sk);
        packed.AsSpan(k + s, q).CopyTo(statistics.Qk);
        statistics.LogLikelihood = packed[k + s + q];
        statistics.Count = (long)packed[k + s + q + 1];
    }

    private void Agree(Action pass) => Agreement.Run(communicator, pass);
}
