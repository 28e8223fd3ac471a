using GmmGpu.Viewer.Live;
using Xunit;

namespace GmmGpu.Tests.Viewer;

public sealed class FramePacerTests
{
    private static TimeSpan Ms(double ms) => TimeSpan.FromMilliseconds(ms);

    [Fact]
    public void FirstSnapshot_WaitsTheMinimumInterval()
    {
        var pacer = new FramePacer(Ms(250), 0.1);
        Assert.False(pacer.IsDue(Ms(249)));
        Assert.True(pacer.IsDue(Ms(250)));
    }

    [Fact]
    public void SlowFrame_WaitsNineTimesItsLength_AtATenthShare()
    {
        var pacer = new FramePacer(Ms(250), 0.1);
        pacer.Drawn(Ms(1000), Ms(1040));
        Assert.False(pacer.IsDue(Ms(1040 + 359)));
        Assert.True(pacer.IsDue(Ms(1040 + 360)));
    }

    [Fact]
    public void FastFrame_WaitsTheMinimumInterval()
    {
        var pacer = new FramePacer(Ms(250), 0.1);
        pacer.Drawn(Ms(0), Ms(5));
        Assert.False(pacer.IsDue(Ms(254)));
        Assert.True(pacer.IsDue(Ms(255)));
    }
}
