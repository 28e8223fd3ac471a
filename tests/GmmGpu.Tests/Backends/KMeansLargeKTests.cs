using GmmGpu.Backends.Cpu;
using GmmGpu.Backends.Cpu.Blocked;
using GmmGpu.Engine;
using GmmGpu.TestData;
using Xunit;

namespace GmmGpu.Tests.Backends;

/// <summary>
/// k-means at large K on the CPU backend: the k-means++ draws that keep each row's distance to
/// the seeds between draws, and the Lloyd step that finds nearest centres a block at a time,
/// against the scalar reference and the point-at-a-time loop, bit for bit.
/// </summary>
public class KMeansLargeKTests
{
    [Theory]
    [InlineData(40, 3_001)]
    [InlineData(19, 16_384 + 515)]
    public void PlusPlusDraws_InSequence_MatchScalarReference(int dimensions, int rows)
    {
        KernelModel model =
            SeededMixture.Model(61 + dimensions, 9, dimensions, CovarianceType.Full);
        float[] data = SeededMixture.Points(61 + dimensions, model, rows);
        var random = new Random(61 + dimensions);
        using var backend = new CpuBackend();
        using IDeviceDataset dataset = backend.Upload(data, rows, dimensions);

        // As k-means++ does: each draw adds the drawn row to the centres of the next.
        var centres = new List<float>(data.AsSpan(0, dimensions).ToArray());
        for (int count = 1; count <= 12; count++)
        {
            var seed = (ulong)random.NextInt64();
            float[] current = [.. centres];
            long expected =
                NaiveReference.SampleByMinSquaredDistance(data, dimensions, current, count, seed);

            long actual = backend.SampleByMinSquaredDistance(dataset, current, count, seed).Row;

            Assert.Equal(expected, actual);
            Assert.Equal(
                actual, backend.SampleByMinSquaredDistance(dataset, current, count, seed).Row);
            centres.AddRange(data.AsSpan((int)actual * dimensions, dimensions).ToArray());
        }

        // Another seeding on the same data starts again from its own first centre.
        float[] restart = data.AsSpan(7 * dimensions, dimensions).ToArray();
        Assert.Equal(
            NaiveReference.SampleByMinSquaredDistance(data, dimensions, restart, 1, 5),
            backend.SampleByMinSquaredDistance(dataset, restart, 1, 5).Row);
    }

    [Theory]
    [InlineData(3, 8, 0.0)]
    [InlineData(40, 37, 0.0)]
    [InlineData(17, 64, 1e4)]
    public void LloydStep_Blocked_EqualsPointAtATimeBitForBit(
        int dimensions,
        int components,
        double offset)
    {
        int seed = (7 * dimensions) + components;
        KernelModel model = SeededMixture.Model(
            seed, components, dimensions, CovarianceType.Diagonal, offset: offset);
        const int rows = (3 * BlockScratch.BlockRows) + 29;
        float[] data = SeededMixture.Points(seed, model, rows);

        // Centre 5 twice: the lower index takes the tie in both loops.
        float[] centres = (float[])model.Means.Clone();
        centres.AsSpan(5 * dimensions, dimensions)
            .CopyTo(centres.AsSpan((components - 1) * dimensions, dimensions));

        LloydPartial expected =
            KMeansPasses.LloydStep(data, rows, dimensions, centres, components, blocked: null);
        LloydPartial actual = KMeansPasses.LloydStep(
            data,
            rows,
            dimensions,
            centres,
            components,
            new NearestCentres(centres, components, dimensions));

        Assert.Equal(expected.Counts, actual.Counts);
        Assert.Equal(expected.Sums, actual.Sums);
        Assert.Equal(expected.Inertia, actual.Inertia);
        Assert.Equal(0, actual.Counts[components - 1]);
        var referenceCounts = new double[components];
        NaiveReference.LloydStep(
            data, dimensions, centres, components, referenceCounts, new double[centres.Length]);
        Assert.Equal(referenceCounts, actual.Counts);
    }
}
