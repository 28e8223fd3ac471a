namespace GmmGpu.Distributed;

/// <summary>
/// MPICH and the libraries of its ABI (libmpich.so.12, libmpi.so.12): handles are ints fixed
/// at compile time.
/// </summary>
internal sealed unsafe class MpichLibrary : MpiLibrary
{
    // From MPICH 4's mpi.h; the ABI keeps them the same across versions.
    private const int CommWorld = 0x44000000;
    private const int Double = 0x4c00080b;
    private const int OpMax = 0x58000001;
    private const int OpMin = 0x58000002;
    private const int OpSum = 0x58000003;
    private static readonly void* InPlace = (void*)-1;

    private readonly delegate* unmanaged<int, int*, int> commRank;
    private readonly delegate* unmanaged<int, int*, int> commSize;
    private readonly delegate* unmanaged<void*, void*, int, int, int, int, int> allReduce;
    private readonly delegate* unmanaged<void*, int, int, int, int, int> broadcast;
    private readonly delegate* unmanaged<int, int> barrier;
    private readonly delegate* unmanaged<int, int, int> abort;

    public MpichLibrary(nint library, string name)
        : base(library, name)
    {
        commRank = (delegate* unmanaged<int, int*, int>)Export("MPI_Comm_rank");
        commSize = (delegate* unmanaged<int, int*, int>)Export("MPI_Comm_size");
        allReduce = (delegate* unmanaged<void*, void*, int, int, int, int, int>)
            Export("MPI_Allreduce");
        broadcast = (delegate* unmanaged<void*, int, int, int, int, int>)Export("MPI_Bcast");
        barrier = (delegate* unmanaged<int, int>)Export("MPI_Barrier");
        abort = (delegate* unmanaged<int, int, int>)Export("MPI_Abort");
    }

    protected override int CommRankCall(int* rank) => commRank(CommWorld, rank);

    protected override int CommSizeCall(int* size) => commSize(CommWorld, size);

    protected override int AllReduceCall(double* values, int count, MpiReduceOp op) =>
        allReduce(InPlace, values, count, Double, Op(op), CommWorld);

    protected override int BroadcastCall(double* values, int count, int root) =>
        broadcast(values, count, Double, root, CommWorld);

    protected override int BarrierCall() => barrier(CommWorld);

    protected override int AbortCall(int exitCode) => abort(CommWorld, exitCode);

    private static int Op(MpiReduceOp op) => op switch
    {
        MpiReduceOp.Sum => OpSum,
        MpiReduceOp.Min => OpMin,
        MpiReduceOp.Max => OpMax,
        _ => throw new ArgumentOutOfRangeException(nameof(op), op, null),
    };
}
