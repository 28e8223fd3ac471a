using GmmGpu.Data;
using GmmGpu.Distributed;
using Xunit;

namespace GmmGpu.Tests.Distributed;

/// <summary>Work every rank does, then one all-reduce that says whether any failed.</summary>
public class AgreementTests
{
    [Fact]
    public void Run_OneRankFails_EveryRankThrowsAndOnlyThatRankCarriesTheError()
    {
        var outcomes = ThreadCommunicator.Run(3, communicator =>
        {
            Agreement.Run(communicator, () =>
            {
                if (communicator.Rank == 2)
                {
                    throw new DataFormatException("data.csv row 9, column 0: x is not a number.");
                }
            });
            return 0;
        });

        RankFailedException[] errors =
            outcomes.Select(o => Assert.IsType<RankFailedException>(o.Error)).ToArray();
        Assert.All(errors, e => Assert.Equal(2, e.Rank));
        Assert.Equal([false, false, true], errors.Select(e => e.IsLocal));
        Assert.Equal("rank 2: data.csv row 9, column 0: x is not a number.", errors[2].Message);
    }

    [Fact]
    public void Run_RanksThatOnlyHeardOfAFailure_LetTheFailingRankReport()
    {
        // As when a collective inside the work told ranks 0 and 2 that rank 1 failed.
        var outcomes = ThreadCommunicator.Run(3, communicator =>
        {
            Agreement.Run(communicator, () => throw (communicator.Rank == 1
                ? new DataFormatException("its own error")
                : new RankFailedException(1, "rank 1 could not read its share")));
            return 0;
        });

        RankFailedException[] errors =
            outcomes.Select(o => Assert.IsType<RankFailedException>(o.Error)).ToArray();
        Assert.All(errors, e => Assert.Equal(1, e.Rank));
        Assert.Equal("rank 1: its own error", errors[1].Message);
        Assert.True(errors[1].IsLocal);
    }

    [Fact]
    public void Run_NoRankFails_ReturnsOnEveryRank()
    {
        int[] results = ThreadCommunicator.RunAll(3, communicator =>
            Agreement.Run(communicator, () => communicator.Rank * 10));

        Assert.Equal([0, 10, 20], results);
    }
}
