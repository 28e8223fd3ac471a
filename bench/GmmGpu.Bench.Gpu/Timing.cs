using System.Diagnostics;
using GmmGpu.Backends.Ilgpu;
using GmmGpu.Engine;

namespace GmmGpu.Bench.Gpu;

/// <summary>Times Accumulate: warm-up calls, then synchronized repetitions.</summary>
internal static class Timing
{
    /// <summary>Median, min and max milliseconds over the repetitions, and the last sums.</summary>
    public static (double Median, double Min, double Max, SufficientStatistics Last) Accumulate(
        IlgpuBackend backend, IDeviceDataset dataset, KernelModel model, int reps)
    {
        var statistics = new SufficientStatistics(model.Components, model.Dimensions, model.Form);
        for (int w = 0; w < 2; w++)
        {
            backend.Accumulate(dataset, model, statistics, CancellationToken.None);
        }

        var times = new double[reps];
        for (int r = 0; r < reps; r++)
        {
            // Accumulate ends with a synchronizing read of the sums: wall time is device time.
            long start = Stopwatch.GetTimestamp();
            backend.Accumulate(dataset, model, statistics, CancellationToken.None);
            times[r] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }

        Array.Sort(times);
        return (times[reps / 2], times[0], times[^1], statistics);
    }

    /// <summary>
    /// Re-times the case under each launch shape (group size × groups per multiprocessor) and
    /// restores the default; the sums must agree with the default's to 1e-6 relative.
    /// </summary>
    public static bool Sweep(
        IlgpuBackend backend,
        IDeviceDataset dataset,
        KernelModel model,
        int reps,
        SufficientStatistics reference)
    {
        LaunchShape original = backend.Shape;
        bool agree = true;
        foreach (int groupSize in new[] { 64, 128, 256, 512 })
        {
            foreach (int perMultiprocessor in new[] { 2, 4, 8, 16 })
            {
                backend.Shape = original with
                {
                    GroupSize = groupSize,
                    GroupsPerMultiprocessor = perMultiprocessor,
                };
                (double median, double min, _, SufficientStatistics last) =
                    Accumulate(backend, dataset, model, reps);
                double difference = Math.Abs(last.LogLikelihood - reference.LogLikelihood)
                    / Math.Max(1, Math.Abs(reference.LogLikelihood));
                agree &= difference <= 1e-6;
                TilePlan plan = backend.AccumulatePlan(
                    model.Components, model.Dimensions, model.Form, dataset.Rows);
                Console.WriteLine(
                    $"  sweep T={backend.Shape.GroupSize,4} groups/SM={perMultiprocessor,2} "
                    + $"(G={plan.Groups}, P={plan.Layout.TilePoints}, L={plan.Layout.Lanes}): "
                    + $"median {median:F3} ms, min {min:F3} ms, LL rel diff {difference:G2}");
            }
        }

        backend.Shape = original;
        return agree;
    }
}
