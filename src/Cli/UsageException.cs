namespace GmmGpu.Cli;

/// <summary>The command line is wrong (exit code 2): an unknown option, a missing or bad value.
/// </summary>
internal sealed class UsageException : Exception
{
    public UsageException(string message)
        : base(message)
    {
    }

    public UsageException()
    {
    }

    public UsageException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
