namespace GmmGpu.Distributed;

/// <summary>
/// Open MPI (libmpi.so.40): handles are pointers, the addresses of the library's exported
/// ompi_mpi_* objects, as its mpi.h defines MPI_COMM_WORLD as &amp;ompi_mpi_comm_world.
/// </summary>
internal sealed unsafe class OpenMpiLibrary : MpiLibrary
{
    /// <summary>The export that tells Open MPI apart from MPICH.</summary>
    public const string CommWorldSymbol = "ompi_mpi_comm_world";

    // MPI_IN_PLACE is ((void *) 1) in Open MPI's mpi.h.
    private static readonly void* InPlace = (void*)1;

    private readonly void* commWorld;
    private readonly void* doubleType;
    private readonly void* opSum;
    private readonly void* opMin;
    private readonly void* opMax;
    private readonly delegate* unmanaged<void*, int*, int> commRank;
    private readonly delegate* unmanaged<void*, int*, int> commSize;
    private readonly delegate* unmanaged<void*, void*, int, void*, void*, void*, int> allReduce;
    private readonly delegate* unmanaged<void*, int, void*, int, void*, int> broadcast;
    private readonly delegate* unmanaged<void*, int> barrier;
    private readonly delegate* unmanaged<void*, int, int> abort;

    public OpenMpiLibrary(nint library, string name)
        : base(library, name)
    {
        commWorld = Export(CommWorldSymbol);
        doubleType = Export("ompi_mpi_double");
        opSum = Export("ompi_mpi_op_sum");
        opMin = Export("ompi_mpi_op_min");
        opMax = Export("ompi_mpi_op_max");
        commRank = (delegate* unmanaged<void*, int*, int>)Export("MPI_Comm_rank");
        commSize = (delegate* unmanaged<void*, int*, int>)Export("MPI_Comm_size");
        allReduce = (delegate* unmanaged<void*, void*, int, void*, void*, void*, int>)
            Export("MPI_Allreduce");
        broadcast = (delegate* unmanaged<void*, int, void*, int, void*, int>)
            Export("MPI_Bcast");
        barrier = (delegate* unmanaged<void*, int>)Export("MPI_Barrier");
        abort = (delegate* unmanaged<void*, int, int>)Export("MPI_Abort");
    }

    protected override int CommRankCall(int* rank) => commRank(commWorld, rank);

    protected override int CommSizeCall(int* size) => commSize(commWorld, size);

    protected override int AllReduceCall(double* values, int count, MpiReduceOp op) =>
        allReduce(InPlace, values, count, doubleType, Op(op), commWorld);

    protected override int BroadcastCall(double* values, int count, int root) =>
        broadcast(values, count, doubleType, root, commWorld);

    protected override int BarrierCall() => barrier(commWorld);

    protected override int AbortCall(int exitCode) => abort(commWorld, exitCode);

    private void* Op(MpiReduceOp op) => op switch
    {
        MpiReduceOp.Sum => opSum,
        MpiReduceOp.Min => opMin,
        MpiReduceOp.Max => opMax,
        _ => throw new ArgumentOutOfRangeException(nameof(op), op, null),
    };
}
