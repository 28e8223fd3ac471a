using GmmGpu.Backends;
using GmmGpu.Data;
using GmmGpu.Distributed;
using GmmGpu.Engine;
using GmmGpu.Tests.Distributed;
using GmmGpu.Tests.Mixture;
using GmmGpu.Tests.Reference;
using Xunit;

namespace GmmGpu.Tests.Passes;

/// <summary>
/// Several processes (ranks as threads here; real MPI processes in the tool's tests): each
/// passes its own contiguous share of the rows and every rank ends with the single-process model.
/// </summary>
public class DistributedPassesTests
{
    private const int Rows = 12_001;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(2, InitMethod.KMeansPlusPlus)]
    [InlineData(3, InitMethod.KMeansPlusPlus)]
    [InlineData(3, InitMethod.KMeans)]
    [InlineData(2, InitMethod.Uniform)]
    public void Fit_SharedOverRanks_GivesTheSingleProcessModelOnEveryRank(
        int ranks, InitMethod init)
    {
        (float[] data, _) = Blobs.Create(Rows, seed: 13);
        GaussianMixtureOptions options =
            StreamingTests.Options(ComputeDevice.Cpu) with { Init = init };
        GaussianMixtureModel single;
        using (var mixture = new GaussianMixture(options))
        {
            single = mixture.Fit(data, 2, cancellationToken: Token);
        }

        GaussianMixtureModel[] models = ThreadCommunicator.RunAll(ranks, communicator =>
        {
            using IRowSource share = Share(data, communicator);
            using IComputeBackend cpu = ComputeBackends.Create(ComputeDevice.Cpu, 1);
            using var mixture = new GaussianMixture(options, [cpu], communicator);
            return mixture.Fit(share, cancellationToken: Token);
        });

        foreach (GaussianMixtureModel model in models)
        {
            Assert.Equal(single.Iterations, model.Iterations);
            NumericAssert.Close(single.LowerBound, model.LowerBound, 1e-9, 0, "lower bound");
            NumericAssert.Close(single.Means, model.Means, 1e-7, 1e-9, "means");
            Assert.Equal(models[0].Means, model.Means);
        }
    }

    [Fact]
    public void Fit_ARankWithABadRow_FailsEveryRankAndOnlyThatRankHasTheMessage()
    {
        (float[] data, _) = Blobs.Create(Rows, seed: 14);
        long bad = (Rows / 3) + 17;

        (GaussianMixtureModel? Result, Exception? Error)[] outcomes =
            ThreadCommunicator.Run(3, communicator =>
            {
                (long first, long count) = Range(communicator);
                using var share = new RecordingSource(
                    data.AsSpan((int)(first * 2), (int)(count * 2)).ToArray(), 2, first,
                    badRow: communicator.Rank == 1 ? bad - first : null);
                using IComputeBackend cpu = ComputeBackends.Create(ComputeDevice.Cpu, 1);
                using var mixture = new GaussianMixture(
                    StreamingTests.Options(ComputeDevice.Cpu), [cpu], communicator);
                return mixture.Fit(share, cancellationToken: Token);
            });

        RankFailedException[] errors = outcomes
            .Select(o => Assert.IsType<RankFailedException>(o.Error))
            .ToArray();
        Assert.All(errors, e => Assert.Equal(1, e.Rank));
        Assert.Equal([false, true, false], errors.Select(e => e.IsLocal));
        Assert.Equal(
            $"rank 1: recorded.npy row {bad}, column 0: value NaN is not finite; remove or "
            + "impute missing and infinite values.",
            errors[1].Message);
    }

    /// <summary>Shares that start on a multiple of 256 rows, as the row sources cut them.</summary>
    private static (long First, long Count) Range(ICommunicator communicator)
    {
        static long Start(int rank, int size) =>
            rank == size ? Rows : Rows * rank / size / 256 * 256;
        long first = Start(communicator.Rank, communicator.Size);
        return (first, Start(communicator.Rank + 1, communicator.Size) - first);
    }

    private static MemoryRowSource Share(float[] data, ICommunicator communicator)
    {
        (long first, long count) = Range(communicator);
        return new MemoryRowSource(
            data.AsMemory((int)(first * 2), (int)(count * 2)), 2, firstRow: first);
    }
}
