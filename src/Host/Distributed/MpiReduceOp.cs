namespace GmmGpu.Distributed;

/// <summary>The element-wise reductions of <see cref="MpiLibrary.AllReduce"/>.</summary>
internal enum MpiReduceOp
{
    Sum,
    Min,
    Max,
}
