using System.Runtime.InteropServices;
using System.Text;

namespace GmmGpu.Distributed;

/// <summary>
/// One loaded MPI library: the calls whose C signatures are the same in every implementation,
/// and checked wrappers over the ones that take handles, whose C types differ (MPICH's handles
/// are ints, Open MPI's are pointers) and which each flavour supplies.
/// </summary>
/// <remarks>
/// Every call goes through a function pointer read from the library's exports, so no P/Invoke
/// library name has to match the file that was found.
/// </remarks>
internal abstract unsafe class MpiLibrary
{
    // MPI_THREAD_SERIALIZED (2 in both mpi.h files): .NET code may make its MPI calls from
    // different threads one after another, which MPI_THREAD_SINGLE does not allow.
    private const int ThreadSerialized = 2;

    // MPI_MAX_LIBRARY_VERSION_STRING is 8192 in MPICH and 256 in Open MPI: room for either.
    private const int VersionCapacity = 8192;

    // MPI_MAX_ERROR_STRING is 1024 in MPICH and 256 in Open MPI.
    private const int ErrorCapacity = 1024;

    private readonly delegate* unmanaged<int*, byte***, int, int*, int> initThread;
    private readonly delegate* unmanaged<int*, int> initialized;
    private readonly delegate* unmanaged<int*, int> finalized;
    private readonly delegate* unmanaged<int> finalize;
    private readonly delegate* unmanaged<byte*, int*, int> getLibraryVersion;
    private readonly delegate* unmanaged<int, byte*, int*, int> errorString;

    protected MpiLibrary(nint library, string name)
    {
        Library = library;
        Name = name;
        initThread = (delegate* unmanaged<int*, byte***, int, int*, int>)
            Export("MPI_Init_thread");
        initialized = (delegate* unmanaged<int*, int>)Export("MPI_Initialized");
        finalized = (delegate* unmanaged<int*, int>)Export("MPI_Finalized");
        finalize = (delegate* unmanaged<int>)Export("MPI_Finalize");
        getLibraryVersion = (delegate* unmanaged<byte*, int*, int>)
            Export("MPI_Get_library_version");
        errorString = (delegate* unmanaged<int, byte*, int*, int>)Export("MPI_Error_string");
    }

    /// <summary>The file name the library was loaded by, e.g. libmpich.so.12.</summary>
    public string Name { get; }

    /// <summary>
    /// The first line of MPI_Get_library_version with blanks collapsed, e.g. "MPICH Version:
    /// 4.0.2".
    /// </summary>
    public string Version
    {
        get
        {
            var text = new byte[VersionCapacity];
            int length;
            fixed (byte* buffer = text)
            {
                Check(getLibraryVersion(buffer, &length), "MPI_Get_library_version");
            }

            return FirstLine(text.AsSpan(0, length));
        }
    }

    /// <summary>Whether MPI_Init has run in this process.</summary>
    public bool IsInitialized => Flag(initialized, "MPI_Initialized");

    /// <summary>Whether MPI_Finalize has run in this process.</summary>
    public bool IsFinalized => Flag(finalized, "MPI_Finalized");

    protected nint Library { get; }

    /// <summary>MPI_Init_thread with no arguments, at MPI_THREAD_SERIALIZED.</summary>
    public void Init()
    {
        int provided;
        Check(initThread(null, null, ThreadSerialized, &provided), "MPI_Init_thread");
    }

    public void FinalizeMpi() => Check(finalize(), "MPI_Finalize");

    /// <summary>This process's rank in MPI_COMM_WORLD.</summary>
    public int WorldRank()
    {
        int rank;
        Check(CommRankCall(&rank), "MPI_Comm_rank");
        return rank;
    }

    /// <summary>The number of processes in MPI_COMM_WORLD.</summary>
    public int WorldSize()
    {
        int size;
        Check(CommSizeCall(&size), "MPI_Comm_size");
        return size;
    }

    /// <summary>In-place MPI_Allreduce of float64 values over MPI_COMM_WORLD.</summary>
    public void AllReduce(Span<double> values, MpiReduceOp op)
    {
        fixed (double* buffer = values)
        {
            Check(AllReduceCall(buffer, values.Length, op), "MPI_Allreduce");
        }
    }

    /// <summary>MPI_Bcast of float64 values from rank <paramref name="root"/>.</summary>
    public void Broadcast(Span<double> values, int root)
    {
        fixed (double* buffer = values)
        {
            Check(BroadcastCall(buffer, values.Length, root), "MPI_Bcast");
        }
    }

    public void Barrier() => Check(BarrierCall(), "MPI_Barrier");

    /// <summary>MPI_Abort on MPI_COMM_WORLD; returns only if the library failed to abort.</summary>
    public void Abort(int exitCode) => Check(AbortCall(exitCode), "MPI_Abort");

    protected abstract int CommRankCall(int* rank);

    protected abstract int CommSizeCall(int* size);

    /// <summary>MPI_Allreduce with MPI_IN_PLACE as the send buffer.</summary>
    protected abstract int AllReduceCall(double* values, int count, MpiReduceOp op);

    protected abstract int BroadcastCall(double* values, int count, int root);

    protected abstract int BarrierCall();

    protected abstract int AbortCall(int exitCode);

    /// <summary>The address of an exported function or variable of the library.</summary>
    /// <exception cref="InvalidOperationException">The library does not export it: a library of
    /// the same file name that is not MPI was found first on the library path.</exception>
    protected void* Export(string name) => NativeLibrary.TryGetExport(Library, name, out nint at)
        ? (void*)at
        : throw new InvalidOperationException(
            $"{Name}, found on the library path, is not a usable MPI library: it has no {name}. "
            + "Expected MPICH 4 (libmpich.so.12) or Open MPI 4/5 (libmpi.so.40); check "
            + "LD_LIBRARY_PATH.");

    private static string FirstLine(ReadOnlySpan<byte> text)
    {
        int end = text.IndexOfAny((byte)'\n', (byte)0);
        string line = Encoding.UTF8.GetString(end < 0 ? text : text[..end]);

        // MPICH's version line is "MPICH Version:<tab>4.0.2".
        return string.Join(' ', line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
    }

    private bool Flag(delegate* unmanaged<int*, int> call, string name)
    {
        int flag;
        Check(call(&flag), name);
        return flag != 0;
    }

    private void Check(int code, string call)
    {
        if (code == 0)
        {
            return;
        }

        var text = new byte[ErrorCapacity];
        int length = 0;
        fixed (byte* buffer = text)
        {
            _ = errorString(code, buffer, &length);
        }

        throw new InvalidOperationException(
            $"{call} failed with MPI error {code} ({FirstLine(text.AsSpan(0, length))}) in "
            + $"{Name}: every process must make the same collective calls, in the same order "
            + "and with the same lengths.");
    }
}
