using GmmGpu.Backends.Cpu;
using GmmGpu.Data;
using GmmGpu.Passes;
using Xunit;

namespace GmmGpu.Tests.Passes;

/// <summary>
/// The streaming pipeline's threads (one reader, one worker a device): whatever fails, the pass
/// ends with that error instead of waiting for chunks that never come.
/// </summary>
public class ChunkPipelineTests
{
    private const int Rows = 4096;
    private const string Message = "not the caller's cancellation";

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Run_ACancellationNotFromTheToken_IsRethrownNotAHang(bool inCompute)
    {
        using var cpu = new CpuBackend(1);
        ChunkPlan plan = ChunkPlan.Create(Rows, 2, 1, 256, 2 * 256 * 2 * sizeof(float));
        Assert.False(plan.Resident);
        using var pipeline = new ChunkPipeline(
            new CancellingSource(failAtRow: inCompute ? null : 1000), [cpu], plan);

        Task pass = Task.Run(
            () => pipeline.Run(
                (device, dataset, chunk) => inCompute && chunk.Index == 3
                    ? throw new OperationCanceledException(Message)
                    : chunk.Index,
                _ => { },
                Token),
            Token);

        var error = await Assert.ThrowsAsync<OperationCanceledException>(
            () => pass.WaitAsync(TimeSpan.FromSeconds(30), Token));
        Assert.Equal(Message, error.Message);
    }

    /// <summary>Zero rows behind the streaming interface only; reading one row throws.</summary>
    private sealed class CancellingSource(long? failAtRow) : IRowSource
    {
        public string Name => "cancelling";

        public long Rows => ChunkPipelineTests.Rows;

        public int Columns => 2;

        public IReadOnlyList<string> ColumnNames => ["0", "1"];

        public long FirstRow => 0;

        public void Read(long start, int count, Span<float> destination)
        {
            if (failAtRow is long row && row >= start && row < start + count)
            {
                throw new OperationCanceledException(Message);
            }

            destination[..(count * Columns)].Clear();
        }

        public void Dispose()
        {
        }
    }
}
