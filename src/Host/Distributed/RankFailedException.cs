namespace GmmGpu.Distributed;

/// <summary>
/// A process of a distributed fit failed, so every process stops. On the process that failed
/// the message is its own error, prefixed "rank R: "; on the others it says which rank failed.
/// </summary>
public sealed class RankFailedException : Exception
{
    /// <summary>Creates the exception for a failure of <paramref name="rank"/>.</summary>
    public RankFailedException(int rank, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Rank = rank;
    }

    /// <summary>Creates the exception with a default message.</summary>
    public RankFailedException()
        : base("A process of the distributed fit failed.")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public RankFailedException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public RankFailedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The lowest rank that failed.</summary>
    public int Rank { get; }

    /// <summary>Whether this process is the one that failed (it prints the message).</summary>
    public bool IsLocal => InnerException is not null;
}
