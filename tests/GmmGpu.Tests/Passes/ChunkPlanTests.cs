using GmmGpu.Passes;
using Xunit;

namespace GmmGpu.Tests.Passes;

/// <summary>How rows are cut into chunks and whether they stay on the devices.</summary>
public class ChunkPlanTests
{
    [Fact]
    public void Create_DataThatFits_IsOneResidentChunk()
    {
        var plan = ChunkPlan.Create(rows: 1000, columns: 2, devices: 1, chunkRows: null, budgetBytes: 8000);

        Assert.True(plan.Resident);
        Assert.Equal([new Chunk(0, 0, 1000)], plan.Chunks);
    }

    [Fact]
    public void Create_DataLargerThanTheBudget_StreamsTheLargestAlignedChunkOfWhichTwoFit()
    {
        // Two chunks of 625 rows × 8 bytes fit 10,000 bytes; 625 rounds down to 512.
        var plan = ChunkPlan.Create(rows: 2000, columns: 2, devices: 1, chunkRows: null, budgetBytes: 10_000);

        Assert.False(plan.Resident);
        Assert.Equal(512, plan.ChunkRows);
        Assert.Equal([0L, 512, 1024, 1536], plan.Chunks.Select(c => c.Start));
        Assert.Equal(2000, plan.Chunks.Sum(c => c.Rows));
    }

    [Fact]
    public void Create_ChunksDealtUnevenly_StreamWhenOneDeviceWouldHoldMoreThanItsBudget()
    {
        // An even share is 300 rows (2400 bytes) a device, but aligned chunks of 256 rows put
        // 388 rows on device 0.
        var plan = ChunkPlan.Create(rows: 900, columns: 2, devices: 3, chunkRows: null, budgetBytes: 2400);

        Assert.False(plan.Resident);
    }

    [Theory]
    [InlineData(100, 100)]
    [InlineData(1000, 768)]
    [InlineData(5000, 2000)]
    public void Create_GivenChunkSize_IsAlignedAboveTheAlignmentAndBelowTheRows(int asked, int expected)
    {
        var plan = ChunkPlan.Create(rows: 2000, columns: 2, devices: 1, chunkRows: asked, budgetBytes: 1L << 30);

        Assert.Equal(expected, plan.ChunkRows);
    }

    [Fact]
    public void Create_BudgetBelowTwoRows_SaysWhatToChange()
    {
        var error = Assert.Throws<ArgumentException>(
            () => ChunkPlan.Create(rows: 2000, columns: 2, devices: 1, chunkRows: null, budgetBytes: 10));

        Assert.Contains("cannot hold two chunks of 1 rows", error.Message);
    }
}
