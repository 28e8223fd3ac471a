using GmmGpu.Engine;
using Xunit;

namespace GmmGpu.Tests.Backends;

/// <summary>
/// Backend-independent checks of <see cref="IComputeBackend.SampleByMinSquaredDistance"/>, run
/// by the cpu and ILGPU backend tests.
/// </summary>
internal static class SamplingChecks
{
    /// <summary>
    /// One centre (1, 1); rows: the centre itself, a point at D² = 1, a copy of the centre
    /// (D² = 0) and a point at D² = 4. Over <paramref name="draws"/> seeds rows 1 and 3 are
    /// drawn with frequencies 1/5 and 4/5 within 5 binomial sigmas, rows 0 and 2 never.
    /// </summary>
    public static void AssertDrawsProportionalToSquaredDistance(
        IComputeBackend backend, int draws = 4000)
    {
        float[] data = [1, 1, 2, 1, 1, 1, 1, 3];
        float[] centre = [1, 1];
        using IDeviceDataset dataset = backend.Upload(data, 4, 2);
        var counts = new int[4];
        var random = new Random(41);
        for (int draw = 0; draw < draws; draw++)
        {
            long row = backend.SampleByMinSquaredDistance(
                dataset, centre, 1, (ulong)random.NextInt64()).Row;
            Assert.InRange(row, 0, 3);
            counts[row]++;
        }

        Assert.Equal(0, counts[0]);
        Assert.Equal(0, counts[2]);
        AssertBinomial(counts[1], draws, 0.2);
        AssertBinomial(counts[3], draws, 0.8);
    }

    /// <summary>Every point on a centre: no row can be drawn.</summary>
    public static void AssertAllZeroDistancesGiveMinusOne(IComputeBackend backend)
    {
        const int Rows = 1001;
        float[] data = [.. Enumerable.Range(0, Rows * 3).Select(i => (i % 3) - 0.5f)];
        using IDeviceDataset dataset = backend.Upload(data, Rows, 3);

        Assert.Equal(-1, backend.SampleByMinSquaredDistance(dataset, [-0.5f, 0.5f, 1.5f], 1, 7).Row);
        Assert.Equal(
            -1,
            backend.SampleByMinSquaredDistance(dataset, [3, 3, 3, -0.5f, 0.5f, 1.5f], 2, 8).Row);
    }

    /// <summary>The same data, centres and seed draw the same row on every call.</summary>
    public static void AssertDeterministic(IComputeBackend backend, float[] data, int d)
    {
        long rows = data.Length / d;
        using IDeviceDataset dataset = backend.Upload(data, rows, d);
        float[] centres = data.AsSpan(0, 2 * d).ToArray();
        for (ulong seed = 100; seed < 105; seed++)
        {
            long first = backend.SampleByMinSquaredDistance(dataset, centres, 2, seed).Row;
            long second = backend.SampleByMinSquaredDistance(dataset, centres, 2, seed).Row;
            Assert.Equal(first, second);
            Assert.InRange(first, 0, rows - 1);
        }
    }

    /// <summary>The backend draws the row the scalar reference draws, for several seeds.</summary>
    public static void AssertMatchesReference(IComputeBackend backend, float[] data, int d)
    {
        long rows = data.Length / d;
        using IDeviceDataset dataset = backend.Upload(data, rows, d);
        float[] centres =
            [.. data.AsSpan(0, d), .. data.AsSpan(5 * d, d), .. data.AsSpan(9 * d, d)];
        var random = new Random(d);
        for (int draw = 0; draw < 8; draw++)
        {
            var seed = (ulong)random.NextInt64();
            int count = 1 + (draw % 3);
            long expected =
                NaiveReference.SampleByMinSquaredDistance(data, d, centres, count, seed);
            long actual = backend.SampleByMinSquaredDistance(dataset, centres, count, seed).Row;
            Assert.Equal(expected, actual);
        }
    }

    private static void AssertBinomial(int count, int draws, double probability)
    {
        double mean = draws * probability;
        double sigma = Math.Sqrt(draws * probability * (1 - probability));
        Assert.InRange(count, mean - (5 * sigma), mean + (5 * sigma));
    }
}
