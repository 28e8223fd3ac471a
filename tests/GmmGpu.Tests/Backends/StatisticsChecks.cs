using GmmGpu.Backends.Cpu;
using GmmGpu.Engine;
using Xunit;

namespace GmmGpu.Tests.Backends;

/// <summary>Runs a CPU backend's fused pass; compares sums with the float64 reference.</summary>
internal static class StatisticsChecks
{
    public static SufficientStatistics Accumulate(
        CpuBackend backend,
        KernelModel model,
        float[] data)
    {
        using (backend)
        {
            int rows = data.Length / model.Dimensions;
            using IDeviceDataset dataset = backend.Upload(data, rows, model.Dimensions);
            var statistics = new SufficientStatistics(
                model.Components, model.Dimensions, model.Form);
            backend.Accumulate(dataset, model, statistics, CancellationToken.None);
            return statistics;
        }
    }

    /// <summary>
    /// Each sum within <paramref name="relative"/> × (Σ of the absolute values of its terms) of
    /// the float64 reference's.
    /// </summary>
    public static void AssertMatchesReference(
        SufficientStatistics actual,
        KernelModel model,
        float[] data,
        double relative)
    {
        (SufficientStatistics expected, SufficientStatistics magnitude) =
            NaiveReference.Accumulate(data, model);
        AssertClose(expected, actual, magnitude, relative);
    }

    /// <summary>
    /// Each sum of <paramref name="actual"/> within <paramref name="relative"/> × magnitude of
    /// <paramref name="expected"/>, and within <paramref name="floor"/> where float32
    /// responsibilities underflow (a sum of 1e-40 cannot keep a relative error in float32).
    /// </summary>
    public static void AssertClose(
        SufficientStatistics expected,
        SufficientStatistics actual,
        SufficientStatistics magnitude,
        double relative,
        double floor = 0)
    {
        Assert.Equal(expected.Count, actual.Count);
        Assert.Equal(
            expected.LogLikelihood,
            actual.LogLikelihood,
            relative * magnitude.LogLikelihood);
        AssertClose(expected.Nk, actual.Nk, magnitude.Nk, relative, floor);
        AssertClose(expected.Sk, actual.Sk, magnitude.Sk, relative, floor);
        AssertClose(expected.Qk, actual.Qk, magnitude.Qk, relative, floor);
    }

    /// <summary>Every sum bit for bit equal.</summary>
    public static void AssertIdentical(SufficientStatistics expected, SufficientStatistics actual)
    {
        Assert.Equal(expected.Nk, actual.Nk);
        Assert.Equal(expected.Sk, actual.Sk);
        Assert.Equal(expected.Qk, actual.Qk);
        Assert.Equal(expected.LogLikelihood, actual.LogLikelihood);
    }

    // |actual − expected| ≤ relative × (Σ of the absolute values of the summed terms) + floor.
    private static void AssertClose(
        double[] expected,
        double[] actual,
        double[] magnitude,
        double relative,
        double floor)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
        {
            double tolerance = (relative * magnitude[i]) + floor;
            Assert.True(
                Math.Abs(expected[i] - actual[i]) <= tolerance,
                $"sum {i}: expected {expected[i]}, got {actual[i]}, tolerance {tolerance}");
        }
    }
}
