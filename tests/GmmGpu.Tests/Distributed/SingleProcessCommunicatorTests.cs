using GmmGpu.Distributed;
using Xunit;

namespace GmmGpu.Tests.Distributed;

public class SingleProcessCommunicatorTests
{
    [Fact]
    public void Collectives_OneProcess_LeaveTheValues()
    {
        ICommunicator world = SingleProcessCommunicator.Instance;
        double[] values = [1.5, -2, 0];
        world.AllReduceSum(values);
        world.AllReduceMin(values);
        world.AllReduceMax(values);
        world.Broadcast(values, root: 0);
        world.Barrier();
        Assert.Equal([1.5, -2, 0], values);
        Assert.Equal((0, 1), (world.Rank, world.Size));
    }

    [Fact]
    public void Broadcast_RootOutsideTheJob_Throws()
    {
        double[] values = [1];
        Assert.Throws<ArgumentOutOfRangeException>(
            () => SingleProcessCommunicator.Instance.Broadcast(values, root: 1));
    }
}
