using GmmGpu.Backends;
using GmmGpu.Backends.Ilgpu;
using GmmGpu.Data;
using GmmGpu.Engine;
using GmmGpu.TestData;

namespace GmmGpu.Bench.Gpu;

/// <summary>
/// The rows of issue 15's target table: the E-step (IlgpuBackend.Accumulate, one synchronized
/// pass = the device part of an EM iteration) on five shapes, each checked against the float64
/// reference, as ms, GB/s of points, TFLOP/s and the fraction of the card's peak; then whole EM
/// iterations on 10M×2 K=5 full streamed from a memory-mapped .npy in 1M-row chunks vs resident.
/// </summary>
internal static class TargetTable
{
    public static bool Run(IlgpuBackend backend, ComputeDevice device, int reps, bool small)
    {
        CardPeak? peak = CardPeak.For(backend.DeviceName);
        Console.WriteLine(peak is CardPeak p
            ? $"targets on '{backend.DeviceName}': peaks {p.TerabytesPerSecond} TB/s, "
                + $"{p.Teraflops} TFLOP/s FP32 ({p.Name} datasheet)"
            : $"targets on '{backend.DeviceName}': no datasheet peak known, no fractions");
        long scale = small ? 100 : 1;
        (long Rows, int D, int K, PrecisionForm Form, string Goal)[] rows =
        [
            (10_000_000 / scale, 2, 5, PrecisionForm.Triangular, "0.15 ms"),
            (1_000_000 / scale, 8, 16, PrecisionForm.Triangular, "0.3 ms"),
            (1_000_000 / scale, 32, 32, PrecisionForm.Triangular, "5 ms"),
            (1_000_000 / scale, 64, 64, PrecisionForm.Diagonal, "1.5 ms"),
            (1_000_000 / scale, 128, small ? 64 : 1024, PrecisionForm.Diagonal, "30 ms"),
        ];
        bool ok = true;
        foreach ((long n, int d, int k, PrecisionForm form, string goal) in rows)
        {
            ok &= EStep(backend, peak, n, d, k, form, goal, reps);
        }

        ok &= Streamed(backend, device, 10_000_000 / scale, (int)(1_048_576 / scale), reps);
        return ok;
    }

    private static bool EStep(
        IlgpuBackend backend, CardPeak? peak, long rows, int d, int k, PrecisionForm form,
        string goal, int reps)
    {
        KernelModel model = SeededMixture.Model(42, k, d, form);
        float[] data = SeededMixture.Points(7, model, rows);
        int m = form == PrecisionForm.Triangular ? d * (d + 1) / 2 : d;

        // The float64 reference costs K·D² a point on the host: check fewer points when large.
        int checkRows = (int)Math.Clamp(4_000_000_000L / ((long)k * d * d), 1000, Math.Min(rows, 100_000));
        (double expected, double magnitude) =
            LogLikelihoodReference.Compute(model, data, checkRows);
        using (IDeviceDataset head = backend.Upload(data.AsMemory(0, checkRows * d), checkRows, d))
        {
            var check = new SufficientStatistics(k, d, form);
            backend.Accumulate(head, model, check, CancellationToken.None);
            double error = Math.Abs(check.LogLikelihood - expected) / magnitude;
            if (error > 1e-5)
            {
                Console.WriteLine($"{rows}x{d} K={k} {form}: FAIL: log-likelihood {check.LogLikelihood:R} "
                    + $"vs float64 {expected:R} on {checkRows} points (rel {error:G2})");
                return false;
            }
        }

        using IDeviceDataset dataset = backend.Upload(data, rows, d);
        (double median, double min, _, _) = Timing.Accumulate(backend, dataset, model, reps);
        double seconds = median / 1e3;
        double gigabytes = rows * d * 4.0 / 1e9;

        // Per point and component: log-density (diff, factor product, squares: D + D(D+1) + 2D
        // for full, 4D for diagonal), exp and log-sum-exp (~4), the 1 + D + M sums (2 each).
        double perComponent = (form == PrecisionForm.Triangular ? (3 * d) + (d * (d + 1)) : 4 * d)
            + 4 + (2 * (1 + d + m));
        double teraflops = rows * k * perComponent / seconds / 1e12;
        string kernel = backend.WarpAccumulatePlan(k, d, form, rows) is null ? "tiled" : "warp";
        string fraction = peak is CardPeak p
            ? $", {100 * gigabytes / seconds / (p.TerabytesPerSecond * 1e3):F1}% of bandwidth, "
                + $"{100 * teraflops / p.Teraflops:F1}% of FP32 peak"
            : "";
        Console.WriteLine($"{rows}x{d} K={k} {form} ({kernel} kernel): {median:F3} ms/iteration "
            + $"(min {min:F3}; goal {goal}), {gigabytes / seconds:G3} GB/s, {teraflops:G3} TFLOP/s"
            + fraction);
        return true;
    }

    /// <summary>
    /// EM iterations (E-step pass + host M-step) on data in a memory-mapped .npy: streamed in
    /// chunks through a device budget of two chunks, and resident in the same chunks.
    /// </summary>
    private static bool Streamed(
        IlgpuBackend backend, ComputeDevice device, long rows, int chunkRows, int reps)
    {
        KernelModel truth = SeededMixture.Model(11, 5, 2, PrecisionForm.Triangular);
        float[] data = SeededMixture.Points(5, truth, rows);
        string path = Path.Combine(Path.GetTempPath(), $"gmmgpu-targets-{Environment.ProcessId}.npy");
        try
        {
            NpyFile.Write(path, data, rows, 2);
            var options = new GaussianMixtureOptions
            {
                Components = 5, CovarianceType = CovarianceType.Full, Seed = 3,
                Init = InitMethod.RandomFromData, Tolerance = 0, MaxIterations = reps,
                ChunkRows = chunkRows, Device = device,
            };
            double resident = MedianIteration(backend, options, path, out double residentBound);
            double streamed = MedianIteration(
                backend, options with { MaxDeviceMemory = 2L * chunkRows * 2 * sizeof(float) },
                path, out double streamedBound);
            double gap = Math.Abs(residentBound - streamedBound) / Math.Abs(residentBound);
            bool same = gap <= 1e-9;
            Console.WriteLine($"{rows}x2 K=5 full from .npy, {chunkRows}-row chunks: streamed "
                + $"{streamed:F3} ms/iteration vs resident {resident:F3} ({streamed / resident:F2}x; "
                + $"goal ≤ 1.2x), {rows * 8.0 / 1e9 / (streamed / 1e3):F1} GB/s streamed; lower "
                + $"bounds differ by {gap:G2} {(same ? "OK" : "FAIL")}");
            return same;
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static double MedianIteration(
        IlgpuBackend backend, GaussianMixtureOptions options, string path, out double lowerBound)
    {
        using var mixture = new GaussianMixture(options, backend);
        using (IRowSource warm = RowSources.Open(path))
        {
            mixture.Fit(warm);
        }

        using IRowSource source = RowSources.Open(path);
        GaussianMixtureModel model = mixture.Fit(source);
        lowerBound = model.LowerBound;
        double[] times = [.. model.History.Select(r => r.Duration.TotalMilliseconds).Order()];
        return times[times.Length / 2];
    }
}
