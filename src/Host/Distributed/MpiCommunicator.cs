using System.Globalization;

namespace GmmGpu.Distributed;

/// <summary>
/// The processes of MPI_COMM_WORLD, through the MPI library installed on the machine (MPICH
/// or Open MPI, loaded at run time). Start the job with <c>mpiexec -n P ...</c>; a process
/// started without a launcher is a job of size 1.
/// </summary>
/// <remarks>
/// MPI can be initialised once per process: keep one communicator for the process's life.
/// Every process must make the same collective calls in the same order with the same lengths.
/// </remarks>
public sealed class MpiCommunicator : ICommunicator
{
    // The job sizes that MPICH's Hydra and Open MPI's mpiexec give each process they start.
    private static readonly string[] LauncherSizeVariables = ["PMI_SIZE", "OMPI_COMM_WORLD_SIZE"];

    private readonly MpiLibrary mpi;
    private readonly bool ownsInit;
    private bool disposed;

    private MpiCommunicator(MpiLibrary mpi, bool ownsInit)
    {
        this.mpi = mpi;
        this.ownsInit = ownsInit;
        Rank = mpi.WorldRank();
        Size = mpi.WorldSize();
    }

    /// <inheritdoc/>
    public int Rank { get; }

    /// <inheritdoc/>
    public int Size { get; }

    /// <summary>The MPI library in use, e.g. "libmpich.so.12 (MPICH Version: 4.0.2)".</summary>
    public string LibraryDescription => $"{mpi.Name} ({mpi.Version})";

    /// <summary>
    /// Initialises MPI (unless something in this process already has) and joins
    /// MPI_COMM_WORLD.
    /// </summary>
    /// <exception cref="InvalidOperationException">
    /// No MPI library is installed; MPI was already finalised in this process; or the launcher
    /// started a job of another size than the library sees (a launcher of another MPI).
    /// </exception>
    public static MpiCommunicator Start()
    {
        MpiLibrary mpi = MpiNative.Library;
        if (mpi.IsFinalized)
        {
            throw new InvalidOperationException(
                "MPI was already finalised in this process and cannot start again: keep one "
                + "MpiCommunicator for the life of the process.");
        }

        bool ownsInit = !mpi.IsInitialized;
        if (ownsInit)
        {
            mpi.Init();
        }

        var communicator = new MpiCommunicator(mpi, ownsInit);
        communicator.CheckLauncherSize();
        return communicator;
    }

    /// <inheritdoc/>
    public void AllReduceSum(Span<double> values) => AllReduce(values, MpiReduceOp.Sum);

    /// <inheritdoc/>
    public void AllReduceMin(Span<double> values) => AllReduce(values, MpiReduceOp.Min);

    /// <inheritdoc/>
    public void AllReduceMax(Span<double> values) => AllReduce(values, MpiReduceOp.Max);

    /// <inheritdoc/>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="root"/> is outside [0, <see cref="Size"/>).
    /// </exception>
    public void Broadcast(Span<double> values, int root)
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        ArgumentOutOfRangeException.ThrowIfNegative(root);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(root, Size);
        mpi.Broadcast(values, root);
    }

    /// <inheritdoc/>
    public void Barrier()
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        mpi.Barrier();
    }

    /// <inheritdoc/>
    public void Abort(int exitCode)
    {
        mpi.Abort(exitCode);

        // MPI_Abort returned without ending the job: at least end this process.
        Environment.Exit(exitCode);
    }

    /// <summary>Finalises MPI if this communicator initialised it.</summary>
    public void Dispose()
    {
        if (disposed)
        {
            return;
        }

        disposed = true;
        if (ownsInit && !mpi.IsFinalized)
        {
            mpi.FinalizeMpi();
        }
    }

    private void AllReduce(Span<double> values, MpiReduceOp op)
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        mpi.AllReduce(values, op);
    }

    /// <summary>
    /// Fails when the launcher's job size differs from the library's, as when Open MPI's
    /// mpiexec starts processes that load MPICH: each would run alone and the fit would be
    /// silently wrong.
    /// </summary>
    private void CheckLauncherSize()
    {
        foreach (string variable in LauncherSizeVariables)
        {
            string? value = Environment.GetEnvironmentVariable(variable);
            if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out int size)
                && size != Size)
            {
                Dispose();
                throw new InvalidOperationException(
                    $"The launcher started {size} processes ({variable}={size}) but "
                    + $"{LibraryDescription} sees {Size}: start the job with the mpiexec of "
                    + "the same MPI (mpiexec.mpich for MPICH, mpiexec.openmpi for Open MPI).");
            }
        }
    }
}
