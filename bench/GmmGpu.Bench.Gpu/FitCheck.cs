using GmmGpu.Backends;
using GmmGpu.Engine;
using GmmGpu.TestData;

namespace GmmGpu.Bench.Gpu;

/// <summary>
/// Whole fits through the public API on the device and on the SIMD CPU path from the same
/// start (by default K seeded random rows; k-means++ draws the same rows on every backend up to
/// float rounding of the distances), tol 0: the two must agree,
/// and the time per EM iteration is printed for each.
/// </summary>
internal static class FitCheck
{
    public static bool Run(
        ComputeDevice device, long rows, int d, int k, CovarianceType type,
        InitMethod init = InitMethod.RandomFromData)
    {
        KernelModel truth = SeededMixture.Model(11, k, d, Engine.PrecisionForm.Triangular);
        float[] data = SeededMixture.Points(5, truth, rows);
        var options = new GaussianMixtureOptions
        {
            Components = k, CovarianceType = type, Init = init, Seed = 3,
            Tolerance = 0, MaxIterations = 20,
        };
        GaussianMixtureModel onDevice = Fit(device, options, data, d, out double deviceMs);
        GaussianMixtureModel onCpu = Fit(ComputeDevice.Cpu, options, data, d, out double cpuMs);
        double relative = Math.Abs(onDevice.LowerBound - onCpu.LowerBound) / Math.Abs(onCpu.LowerBound);
        double meanGap = onDevice.Means.Zip(onCpu.Means, (a, b) => Math.Abs(a - b)).Max();
        bool pass = relative <= 1e-5 && meanGap <= 1e-3;
        Console.WriteLine(
            $"fit {rows}x{d} K={k} {type} {init}, 20 iterations: {device} {deviceMs:F3} ms/iter, "
            + $"cpu {cpuMs:F3} ms/iter ({cpuMs / deviceMs:G3}x); lower bound {onDevice.LowerBound:R} "
            + $"vs cpu {onCpu.LowerBound:R} (rel {relative:G2}), max |mean gap| {meanGap:G2} "
            + (pass ? "OK" : "FAIL"));
        return pass;
    }

    private static GaussianMixtureModel Fit(
        ComputeDevice device, GaussianMixtureOptions options, float[] data, int d, out double msPerIteration)
    {
        using IComputeBackend backend = ComputeBackends.Create(device);
        using var mixture = new GaussianMixture(options with { Device = device }, backend);
        mixture.Fit(data, d); // warm-up: kernels compiled, code jitted
        GaussianMixtureModel model = mixture.Fit(data, d);
        // Median iteration: the first includes uploading the model to the device.
        double[] times = model.History.Select(r => r.Duration.TotalMilliseconds).Order().ToArray();
        msPerIteration = times[times.Length / 2];
        return model;
    }
}
