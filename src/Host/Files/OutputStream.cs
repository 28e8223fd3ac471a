namespace GmmGpu.Files;

/// <summary>
/// The stream under an <see cref="OutputFile"/>'s buffer: passes writes to the file and turns
/// a failed write (a full disk, a quota) into "cannot write PATH: reason", naming the output
/// the user gave rather than its temporary file.
/// </summary>
internal sealed class OutputStream(Stream inner, string path) : Stream
{
    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => inner.Length;

    public override long Position
    {
        get => inner.Position;
        set => throw new NotSupportedException();
    }

    public override void Write(byte[] buffer, int offset, int count) =>
        Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        try
        {
            inner.Write(buffer);
        }
        catch (IOException error)
        {
            throw OutputPaths.CannotWrite(path, error);
        }
    }

    public override void Flush()
    {
        try
        {
            inner.Flush();
        }
        catch (IOException error)
        {
            throw OutputPaths.CannotWrite(path, error);
        }
    }

    public override int Read(byte[] buffer, int offset, int count) =>
        throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();
}
