using Xunit;

namespace GmmGpu.Tests.Distributed;

/// <summary>MpiCommunicator over MPICH, in probe processes (<see cref="MpiJob"/>).</summary>
public class MpiCommunicatorTests
{
    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    public void Collectives_UnderMpich_ReduceAndBroadcastAcrossRanks(int processes)
    {
        MpiJob job = MpiJob.UnderMpich(processes);

        Assert.True(job.ExitCode == 0, job.ToString());
        Assert.Equal(Enumerable.Range(0, processes).Select(rank => ExpectedLine(rank, processes)),
            job.RankLines);
    }

    [Fact]
    public void Collectives_WithoutLauncher_AreOneRankThatKeepsItsValues()
    {
        MpiJob job = MpiJob.Alone();

        Assert.True(job.ExitCode == 0, job.ToString());
        Assert.Equal(["rank 0/1 sum=1,10,0 min=1,10,0 max=1,10,0 bcast=7"], job.RankLines);
    }

    [Fact]
    public void Abort_OneRankOfThree_EndsTheJobWithoutHanging()
    {
        MpiJob job = MpiJob.UnderMpich(3, "--abort");

        Assert.True(job.ExitCode != 0, job.ToString());
        Assert.Empty(job.RankLines);
    }

    [Fact]
    public void Start_LauncherSizeDiffersFromTheLibrarys_SaysToUseTheMatchingMpiexec()
    {
        var launcherOfTwo = new Dictionary<string, string> { ["PMI_SIZE"] = "2" };
        MpiJob job = MpiJob.Alone(launcherOfTwo);

        Assert.True(job.ExitCode != 0, job.ToString());
        Assert.Contains("The launcher started 2 processes (PMI_SIZE=2)", job.Stderr,
            StringComparison.Ordinal);
    }

    /// <summary>The probe's line: rank r holds [r + 1, 10(r + 1), -r]; root 1 sends 107.</summary>
    private static string ExpectedLine(int rank, int size)
    {
        int total = size * (size + 1) / 2;
        return $"rank {rank}/{size} sum={total},{10 * total},{-(total - size)} "
            + $"min=1,10,{1 - size} max={size},{10 * size},0 bcast=107";
    }
}
