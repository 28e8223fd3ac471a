using System.Runtime.InteropServices;

namespace GmmGpu.Distributed;

/// <summary>
/// Finds the process's MPI library: Debian's MPICH 4 (libmpich.so.12), MPICH's ABI under its
/// generic name (libmpi.so.12), or Open MPI 4/5 (libmpi.so.40). The exports, not the file
/// name, tell which flavour of handles it uses.
/// </summary>
internal static class MpiNative
{
    /// <summary>The one line shown when no MPI library can be loaded.</summary>
    public const string NotInstalledMessage =
        "MPI is not installed: install MPICH (apt-get install -y mpich) or Open MPI, "
        + "and start with mpiexec -n P ...";

    private static readonly string[] MpichNames = ["libmpich.so.12", "libmpi.so.12"];
    private static readonly string[] OpenMpiNames = ["libmpi.so.40"];

    // MPI lives once per process (MPI_Init may run only once), so the library is loaded once.
    private static readonly Lazy<MpiLibrary?> Loaded = new(() => Load(CandidateNames()));

    /// <summary>The loaded library.</summary>
    /// <exception cref="InvalidOperationException">No MPI library is installed.</exception>
    public static MpiLibrary Library =>
        Loaded.Value ?? throw new InvalidOperationException(NotInstalledMessage);

    /// <summary>The first of <paramref name="names"/> (file names or paths) that loads.</summary>
    /// <exception cref="InvalidOperationException">It lacks an MPI function.</exception>
    internal static MpiLibrary? Load(IEnumerable<string> names)
    {
        foreach (string name in names)
        {
            if (!NativeLibrary.TryLoad(name, out nint library))
            {
                continue;
            }

            return NativeLibrary.TryGetExport(library, OpenMpiLibrary.CommWorldSymbol, out _)
                ? new OpenMpiLibrary(library, name)
                : new MpichLibrary(library, name);
        }

        return null;
    }

    /// <summary>
    /// MPICH first, unless Open MPI's mpiexec started this process: with both installed, the
    /// other library would start as a singleton and every rank would see a job of size 1.
    /// </summary>
    private static IEnumerable<string> CandidateNames() =>
        Environment.GetEnvironmentVariable("OMPI_COMM_WORLD_SIZE") is null
            ? MpichNames.Concat(OpenMpiNames)
            : OpenMpiNames.Concat(MpichNames);
}
