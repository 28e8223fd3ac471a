using GmmGpu.Backends.Ilgpu;
using GmmGpu.Kernels;
using Xunit;

namespace GmmGpu.Tests.Backends;

public sealed class TilePlanTests
{
    private const int GpuSharedBytes = 48 * 1024;

    [Fact]
    public void Create_SmallModel_UsesFullTilesAndSeveralLanes()
    {
        TilePlan plan = TilePlan.Create(
            GpuSharedBytes, "gpu", 132, 4, 256, 256, 5, 2, MomentForm.Triangular, 1_000_000);

        Assert.Equal(256, plan.Layout.TilePoints);
        Assert.Equal(31, plan.Layout.Entries);
        Assert.Equal(8, plan.Layout.Lanes);
        Assert.Equal(528, plan.Groups);
        Assert.True(plan.Layout.SharedFloats * sizeof(float) <= GpuSharedBytes);
    }

    [Theory]
    [InlineData(32, 32, MomentForm.Triangular, 160)]
    [InlineData(64, 64, MomentForm.Diagonal, 64)]
    [InlineData(1000, 100, MomentForm.Diagonal, 10)]
    public void Create_LargeModel_ShrinksTheTileToFitSharedMemory(
        int components, int dimensions, MomentForm moments, int expectedTile)
    {
        TilePlan plan = TilePlan.Create(
            GpuSharedBytes, "gpu", 132, 4, 256, 256, components, dimensions, moments, 1_000_000);

        Assert.Equal(expectedTile, plan.Layout.TilePoints);
        Assert.Equal(1, plan.Layout.Lanes);
        Assert.True(plan.Layout.SharedFloats * sizeof(float) <= GpuSharedBytes);
    }

    [Theory]
    [InlineData(5, 2, 1056)]
    [InlineData(32, 32, 528)]
    [InlineData(64, 64, 660)]
    public void Create_GroupsPerMultiprocessor_AreCappedBySharedMemory(
        int components, int dimensions, int expectedGroups)
    {
        TilePlan plan = TilePlan.Create(
            GpuSharedBytes, "gpu", 132, 8, 256, 256, components, dimensions,
            MomentForm.Triangular, 10_000_000);

        Assert.Equal(expectedGroups, plan.Groups);
    }

    [Fact]
    public void Create_FewPoints_LaunchesOnlyGroupsWithTiles()
    {
        TilePlan plan = TilePlan.Create(
            GpuSharedBytes, "gpu", 132, 4, 256, 256, 3, 2, MomentForm.Diagonal, 1000);

        Assert.Equal(4, plan.Groups);
    }

    [Fact]
    public void Create_ModelBeyondSharedMemory_ThrowsWithTheLimit()
    {
        InvalidOperationException e = Assert.Throws<InvalidOperationException>(
            () => TilePlan.Create(
                GpuSharedBytes, "gpu", 132, 4, 256, 256, 12_000, 300, MomentForm.Diagonal, 10));

        Assert.Contains("K=12000", e.Message, StringComparison.Ordinal);
        Assert.Contains("49152 bytes", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WithinBudget_LargeFullModel_FitsTheBudgetOfAnH100()
    {
        // K=1024, D=128 full on an H100 (132 SMs, 512-thread groups for thousands of sums).
        TilePlan unbounded = TilePlan.Create(
            GpuSharedBytes, "gpu", 132, 8, 512, 256, 1024, 128, MomentForm.Triangular,
            1_000_000);

        TilePlan plan = unbounded.WithinBudget(PartialBudget.DefaultBytes);

        Assert.Equal(8_586_241, plan.Layout.Entries);
        Assert.True(unbounded.PartialBytes > 30L << 30, $"{unbounded.PartialBytes} bytes");
        Assert.True(plan.PartialBytes <= PartialBudget.DefaultBytes, $"{plan.PartialBytes} bytes");
        Assert.Equal(31, plan.Groups);
    }

    [Fact]
    public void WithinBudget_SmallModel_KeepsEveryGroup()
    {
        TilePlan plan = TilePlan.Create(
            GpuSharedBytes, "gpu", 132, 8, 256, 256, 32, 32, MomentForm.Triangular, 10_000_000);

        Assert.Equal(plan, plan.WithinBudget(PartialBudget.DefaultBytes));
    }
}
