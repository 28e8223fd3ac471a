using Xunit;

namespace GmmGpu.Tests.Reference;

/// <summary>Closeness checks: |actual − expected| ≤ max(absolute, relative·|expected|).</summary>
internal static class NumericAssert
{
    public static void Close(
        double expected, double actual, double relative, double absolute, string what)
    {
        double allowed = Math.Max(absolute, relative * Math.Abs(expected));
        double error = Math.Abs(actual - expected);
        Assert.True(
            error <= allowed,
            $"{what}: expected {expected:R}, actual {actual:R}, "
            + $"|error| {error:E3} > {allowed:E3}.");
    }

    public static void Close(
        IReadOnlyList<double> expected,
        IReadOnlyList<double> actual,
        double relative,
        double absolute,
        string what)
    {
        Assert.Equal(expected.Count, actual.Count);
        for (int i = 0; i < expected.Count; i++)
        {
            Close(expected[i], actual[i], relative, absolute, $"{what}[{i}]");
        }
    }
}
