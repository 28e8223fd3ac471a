namespace GmmGpu.Data;

/// <summary>
/// A data or model file cannot be read: it is missing, empty, malformed, or holds a value that
/// is not a finite number. The message is one line naming the file and, where it applies, the
/// row, the column and the bad value.
/// </summary>
public sealed class DataFormatException : Exception
{
    /// <summary>Creates the exception with a one-line message.</summary>
    public DataFormatException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a one-line message and its cause.</summary>
    public DataFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception with a default message.</summary>
    public DataFormatException()
        : base("The file is not in a supported format.")
    {
    }
}
