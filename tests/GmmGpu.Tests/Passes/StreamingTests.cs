using GmmGpu.Backends;
using GmmGpu.Data;
using GmmGpu.Engine;
using GmmGpu.Tests.Mixture;
using GmmGpu.Tests.Reference;
using Xunit;

namespace GmmGpu.Tests.Passes;

/// <summary>
/// Streaming: data larger than the memory budget goes through the device chunk by chunk every
/// pass and gives the fit of the same data in memory.
/// </summary>
public class StreamingTests
{
    private const int Rows = 20_000;
    private const int ChunkRows = 1024;

    public static TheoryData<ComputeDevice> Devices => new(TestBackends.All);

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(Devices))]
    public void Fit_StreamedThroughASmallBudget_IsBitIdenticalToResidentChunksOfTheSameSize(
        ComputeDevice device)
    {
        (float[] data, _) = Blobs.Create(Rows, seed: 5);
        GaussianMixtureOptions options = Options(device) with { ChunkRows = ChunkRows };
        // Two chunks of 1024 rows × 2 floats fit in 16 KiB; the data is 160 KB.
        var source = new RecordingSource(data, 2);

        GaussianMixtureModel streamed = Fit(source, options with { MaxDeviceMemory = 16 * 1024 });
        GaussianMixtureModel resident = Fit(new RecordingSource(data, 2), options);

        Assert.Equal(ChunkRows, source.LargestRead);
        Assert.True(
            source.RowsRead >= (long)Rows * streamed.Iterations, $"read {source.RowsRead} rows");
        Assert.Equal(resident.LowerBound, streamed.LowerBound);
        Assert.Equal(resident.Means, streamed.Means);
        Assert.Equal(resident.Covariances, streamed.Covariances);
        Assert.Equal(resident.Weights, streamed.Weights);
    }

    [Theory]
    [InlineData(1000)]
    [InlineData(4096)]
    [InlineData(7777)]
    public void Fit_AnyChunkSize_GivesTheInMemoryLogLikelihoodTo1e9(int chunkRows)
    {
        (float[] data, _) = Blobs.Create(Rows, seed: 6);
        GaussianMixtureOptions options = Options(ComputeDevice.Cpu);

        GaussianMixtureModel inMemory;
        using (var mixture = new GaussianMixture(options))
        {
            inMemory = mixture.Fit(data, 2, cancellationToken: Token);
        }

        GaussianMixtureModel chunked = Fit(
            new RecordingSource(data, 2),
            options with { ChunkRows = chunkRows, MaxDeviceMemory = 2L * chunkRows * 8 });

        Assert.Equal(inMemory.Iterations, chunked.Iterations);
        NumericAssert.Close(inMemory.LowerBound, chunked.LowerBound, 1e-9, 0, "lower bound");
        NumericAssert.Close(inMemory.Means, chunked.Means, 1e-7, 1e-9, "means");
    }

    [Theory]
    [InlineData(InitMethod.KMeans)]
    [InlineData(InitMethod.RandomFromData)]
    [InlineData(InitMethod.Random)]
    [InlineData(InitMethod.Uniform)]
    public void Fit_EveryInitialisation_StartsTheSameFromStreamedData(InitMethod init)
    {
        (float[] data, _) = Blobs.Create(Rows, seed: 7);
        GaussianMixtureOptions options =
            Options(ComputeDevice.Cpu) with { Init = init, MaxIterations = 1 };

        GaussianMixtureModel inMemory;
        using (var mixture = new GaussianMixture(options))
        {
            inMemory = mixture.Fit(data, 2, cancellationToken: Token);
        }

        GaussianMixtureModel streamed = Fit(
            new RecordingSource(data, 2),
            options with { ChunkRows = 999, MaxDeviceMemory = 2 * 999 * 8 });

        NumericAssert.Close(inMemory.LowerBound, streamed.LowerBound, 1e-9, 0, "lower bound");
        NumericAssert.Close(inMemory.Means, streamed.Means, 1e-6, 1e-8, "means");
    }

    [Fact]
    public void Fit_ABadValueFoundWhileStreaming_StopsWithTheFilesMessage()
    {
        (float[] data, _) = Blobs.Create(Rows, seed: 8);
        var source = new RecordingSource(data, 2, badRow: 15_000);
        GaussianMixtureOptions options = Options(ComputeDevice.Cpu) with
        {
            ChunkRows = ChunkRows,
            MaxDeviceMemory = 16 * 1024,
        };

        var error = Assert.Throws<DataFormatException>(() => Fit(source, options));

        Assert.Contains("recorded.npy row 15000, column 0", error.Message);
    }

    [Fact]
    public void Fit_BudgetTooSmallForTwoChunks_SaysWhatToChange()
    {
        (float[] data, _) = Blobs.Create(Rows, seed: 9);

        var error = Assert.Throws<ArgumentException>(() => Fit(
            new RecordingSource(data, 2),
            Options(ComputeDevice.Cpu) with { ChunkRows = 4096, MaxDeviceMemory = 16 * 1024 }));

        Assert.Contains("cannot hold two chunks of 4096 rows", error.Message);
    }

    [Fact]
    public void Fit_Cancelled_WhileStreaming_Stops()
    {
        (float[] data, _) = Blobs.Create(Rows, seed: 10);
        using var cancel = new CancellationTokenSource();
        var progress = new SynchronousProgress(_ => cancel.Cancel());
        using var mixture = new GaussianMixture(
            Options(ComputeDevice.Cpu) with { ChunkRows = ChunkRows, MaxDeviceMemory = 16 * 1024 });

        Assert.ThrowsAny<OperationCanceledException>(() =>
            mixture.Fit(new RecordingSource(data, 2), progress, cancel.Token));
    }

    [Fact]
    public void Fit_CancelledInTheMiddleOfAPass_Stops()
    {
        (float[] data, _) = Blobs.Create(Rows, seed: 10);
        using var cancel = new CancellationTokenSource();
        int reads = 0;
        var source = new RecordingSource(data, 2)
        {
            // The 30th chunk read is in the middle of the second pass (20 chunks a pass).
            AfterRead = () =>
            {
                if (++reads == 30)
                {
                    cancel.Cancel();
                }
            },
        };
        using var mixture = new GaussianMixture(
            Options(ComputeDevice.Cpu) with { ChunkRows = ChunkRows, MaxDeviceMemory = 16 * 1024 });

        Assert.ThrowsAny<OperationCanceledException>(() =>
            mixture.Fit(source, cancellationToken: cancel.Token));
        Assert.InRange(reads, 30, 33);
    }

    internal static GaussianMixtureOptions Options(ComputeDevice device) =>
        FitBehaviourTests.Options(device) with { Tolerance = 0, MaxIterations = 15 };

    private static GaussianMixtureModel Fit(IRowSource source, GaussianMixtureOptions options)
    {
        using var mixture = new GaussianMixture(options);
        return mixture.Fit(source, cancellationToken: Token);
    }
}
