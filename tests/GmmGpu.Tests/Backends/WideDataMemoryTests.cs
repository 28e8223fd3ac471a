using GmmGpu.Backends.Cpu;
using GmmGpu.Engine;
using GmmGpu.Initialisation;
using GmmGpu.TestData;
using Xunit;

namespace GmmGpu.Tests.Backends;

/// <summary>
/// Issue 12, item 23: the memory of wide data. With S = K·D²·8 bytes (K square float64
/// matrices), an EM iteration allocates what it publishes, the next parameters' covariances
/// and precision Cholesky factors (2S), the float32 kernel model (S/2) and a worker's
/// upper-triangle moments (about S/2): the blocked pass's padded factors are kept from pass to
/// pass, the first chunk's sums go straight into the total and the M-step factors in place.
/// Before, an iteration allocated about 5S, and the garbage took 50 × 5000 data with K = 2 to
/// a 4.6 GB peak. Run alone: GC.GetTotalAllocatedBytes counts every thread.
/// </summary>
[Collection(nameof(WideDataMemoryTests))]
[CollectionDefinition(nameof(WideDataMemoryTests), DisableParallelization = true)]
public class WideDataMemoryTests
{
    private const int Components = 2;
    private const int Dimensions = 512;
    private const long S = (long)Components * Dimensions * Dimensions * sizeof(double);

    [Fact]
    public void Accumulate_AgainOnAModelOfTheSameShape_AllocatesOnlyAWorkersTriangleOfMoments()
    {
        KernelModel model =
            SeededMixture.Model(71, Components, Dimensions, CovarianceType.Full);
        float[] data = SeededMixture.Points(71, model, 50);
        using var backend = new CpuBackend(2, CpuPass.Blocked);
        using IDeviceDataset dataset = backend.Upload(data, 50, Dimensions);
        var statistics = new SufficientStatistics(Components, Dimensions, model.Form);
        backend.Accumulate(dataset, model, statistics, CancellationToken.None);

        long before = GC.GetTotalAllocatedBytes(precise: true);
        backend.Accumulate(dataset, model, statistics, CancellationToken.None);
        long allocated = GC.GetTotalAllocatedBytes(precise: true) - before;

        // One chunk, one worker: its moments' tiles on and above the diagonal (0.52S at
        // D = 512) and its block buffers (0.1S). Before: padded float32 factors (S/2), a
        // worker's square moments (S) and the chunk's partial (S/2), every call.
        Assert.InRange(allocated, 0, 3 * S / 4);
    }

    [Fact]
    public void Fit_EachIteration_AllocatesTheParametersItPublishesAndLittleElse()
    {
        const int rows = 2_000;
        var random = new Random(73);
        var data = new float[rows * Dimensions];
        for (int i = 0; i < data.Length; i++)
        {
            data[i] = (float)Initializer.Gaussian(random);
        }

        var options = new GaussianMixtureOptions
        {
            Components = Components,
            Tolerance = 0,
            MaxIterations = 3,
            Seed = 3,
            Device = ComputeDevice.Cpu,
            MaxDegreeOfParallelism = 2,
        };
        var marks = new List<long>();
        using var mixture = new GaussianMixture(options);

        mixture.Fit(
            data, Dimensions, new AllocationMarks(marks), TestContext.Current.CancellationToken);

        Assert.True(marks.Count >= 2, $"{marks.Count} iteration(s): nothing to measure");
        long most = marks.Zip(marks.Skip(1), (first, second) => second - first).Max();
        // 2S published + S/2 kernel model + 0.62S of a worker's scratch; before, + S/2 padded
        // factors, S/2 more of square moments and S of M-step Cholesky factors L.
        Assert.InRange(most, 2 * S, 7 * S / 2);
    }

    /// <summary>The bytes allocated so far, at the end of each EM iteration.</summary>
    private sealed class AllocationMarks(List<long> marks) : IProgress<IterationSnapshot>
    {
        public void Report(IterationSnapshot value) =>
            marks.Add(GC.GetTotalAllocatedBytes(precise: true));
    }
}
