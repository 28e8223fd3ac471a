using Xunit;
using GmmGpu.Engine;

namespace GmmGpu.Tests;

public class SmokeTests
{
    [Fact]
    public void SufficientStatistics_Triangular_HasPackedUpperTriangleLength()
    {
        var statistics = new SufficientStatistics(3, 4, PrecisionForm.Triangular);
        Assert.Equal(3 * 10, statistics.Qk.Length);
    }
}
