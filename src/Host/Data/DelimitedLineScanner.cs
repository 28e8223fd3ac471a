using System.Buffers;
using System.Text;
using Microsoft.Win32.SafeHandles;
using nietras.SeparatedValues;

namespace GmmGpu.Data;

/// <summary>
/// Finds lines in the bytes of a delimited UTF-8 file without parsing them, so that a file can
/// be counted and split fast: a line ends at <c>\n</c>, <c>\r\n</c> or a lone <c>\r</c>, as
/// Sep reads it, and a line holds a row unless Sep would read it as blank
/// (<see cref="DelimitedLayout.IsBlank"/>). A quoted field must not span lines. A line is at
/// most <see cref="MaxLineBytes"/> long and no byte is 0, so that a binary file or a device
/// such as /dev/zero fails at once instead of filling memory.
/// </summary>
internal sealed class DelimitedLineScanner : IDisposable
{
    /// <summary>The longest line read: far more than a row of thousands of numbers.</summary>
    public const int MaxLineBytes = 16 << 20;

    private const int BufferBytes = 1 << 20;
    private readonly SafeFileHandle file;
    private readonly byte[] buffer = new byte[BufferBytes];
    private long bufferStart;
    private int bufferLength;

    /// <summary>Opens <paramref name="path"/> for reading.</summary>
    public DelimitedLineScanner(string path)
    {
        Path = path;
        file = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        Length = RandomAccess.GetLength(file);
    }

    /// <summary>The file, as messages name it.</summary>
    public string Path { get; }

    /// <summary>The file's length in bytes.</summary>
    public long Length { get; }

    /// <summary>Whether the file starts with <paramref name="bytes"/>.</summary>
    public bool StartsWith(ReadOnlySpan<byte> bytes) => Window(0).StartsWith(bytes);

    /// <summary>
    /// Throws unless the file's first bytes look like text: no byte 0 and few control bytes
    /// (tab, line ends, vertical tab and form feed aside) — a binary file is named as such
    /// rather than read as a header without rows.
    /// </summary>
    public void CheckIsText() => CheckIsText(Path, Window(0));

    /// <summary>As <see cref="CheckIsText()"/>, for the first bytes <paramref name="head"/> of
    /// <paramref name="path"/>.</summary>
    public static void CheckIsText(string path, ReadOnlySpan<byte> head)
    {
        int controls = 0, first = -1;
        for (int i = 0; i < head.Length; i++)
        {
            byte b = head[i];
            if (b < 0x20 && b is not ((byte)'\t' or (byte)'\n' or 0x0B or 0x0C or (byte)'\r'))
            {
                first = first < 0 ? i : first;
                controls++;
                if (b == 0 || controls > Math.Max(8, head.Length / 256))
                {
                    throw new DataFormatException(
                        $"{path} is not text: it holds binary bytes (0x{head[first]:X2} at byte "
                        + $"{first}); expected delimited text (CSV, TSV or numbers separated by "
                        + "spaces), UTF-8.");
                }
            }
        }
    }

    /// <summary>
    /// The first line that is not white space only, decoded (a byte-order mark removed); null
    /// when there is none.
    /// </summary>
    public string? FirstNonBlankLine()
    {
        long start = 0;
        while (start < Length)
        {
            long next = NextLineStart(start);
            var bytes = new byte[(int)(next - start)];
            RandomAccess.Read(file, bytes, start);
            string line = Encoding.UTF8.GetString(bytes).TrimStart('\uFEFF');
            if (!string.IsNullOrWhiteSpace(line))
            {
                return line;
            }

            start = next;
        }

        return null;
    }

    /// <summary>The start of the line after <paramref name="lines"/> lines from a line start.
    /// </summary>
    public long SkipLines(long lineStart, long lines)
    {
        long position = lineStart;
        for (long i = 0; i < lines && position < Length; i++)
        {
            position = NextLineStart(position);
        }

        return position;
    }

    /// <summary>
    /// The first line start at or after <paramref name="position"/>, where
    /// <paramref name="dataStart"/> is a line start at or before it; <see cref="Length"/> when
    /// no line starts there.
    /// </summary>
    public long LineStartAtOrAfter(long position, long dataStart)
    {
        if (position <= dataStart)
        {
            return dataStart;
        }

        if (position >= Length)
        {
            return Length;
        }

        int before = ByteAt(position - 1);
        if (before == '\n')
        {
            return position;
        }

        if (before == '\r')
        {
            return ByteAt(position) == '\n' ? position + 1 : position;
        }

        return NextLineStart(position);
    }

    /// <summary>
    /// Counts the lines that start in [<paramref name="lineStart"/>, <paramref name="end"/>)
    /// and how many of them hold a row; <paramref name="lineStart"/> must be a line start.
    /// </summary>
    public (long Lines, long Rows) Count(long lineStart, long end, char delimiter)
    {
        // Bytes that leave a line blank when nothing else is on it: ASCII white space that is not
        // a line end, less the delimiter (a line of one tab is two fields when tab delimits).
        // Separated by spaces, every space is blank.
        SearchValues<byte> blanks = SearchValues.Create(
            " \t\v\f"u8.ToArray().Where(b => b != delimiter || delimiter == ' ').ToArray());
        long lines = 0, rows = 0;
        long position = lineStart;
        while (position < end && position < Length)
        {
            position = ScanLine(position, blanks, delimiter, out bool hasRow);
            lines++;
            rows += hasRow ? 1 : 0;
        }

        return (lines, rows);
    }

    /// <summary>Closes the file.</summary>
    public void Dispose() => file.Dispose();

    /// <summary>Scans the line at <paramref name="lineStart"/>; returns the next line start.
    /// </summary>
    private long ScanLine(
        long lineStart, SearchValues<byte> blanks, char delimiter, out bool hasRow)
    {
        long position = lineStart;
        int first = -1;
        for (ReadOnlySpan<byte> span = Window(position); !span.IsEmpty; span = Window(position))
        {
            int k = span.IndexOfAnyExcept(blanks);
            if (k >= 0)
            {
                position += k;
                first = span[k];
                break;
            }

            position += span.Length;
        }

        if (first is -1 or '\n' or '\r')
        {
            hasRow = false;
            return first == -1 ? Length : NextLineStart(position);
        }

        long next = NextLineStart(position);

        // Any other ASCII byte first makes a field that is not white space, or (the delimiter) a
        // second field. A quote or a non-ASCII character needs Sep's own reading of the line.
        hasRow = (first != '"' && first < 0x80) || SepReadsRow(lineStart, next, delimiter);
        return next;
    }

    /// <summary>
    /// The start of the line after the one that <paramref name="position"/> is in; throws at a
    /// byte 0 or when the line is longer than <see cref="MaxLineBytes"/>.
    /// </summary>
    private long NextLineStart(long position)
    {
        long start = position;
        for (ReadOnlySpan<byte> span = Window(position); !span.IsEmpty; span = Window(position))
        {
            int k = span.IndexOfAny((byte)'\r', (byte)'\n', (byte)0);
            if (k >= 0 && span[k] == 0)
            {
                throw new DataFormatException(
                    $"{Path} is not text: byte {position + k} is 0; expected delimited text.");
            }

            if (k >= 0)
            {
                long end = position + k;
                return span[k] == '\r' && ByteAt(end + 1) == '\n' ? end + 2 : end + 1;
            }

            position += span.Length;
            if (position - start > MaxLineBytes)
            {
                throw new DataFormatException(
                    $"{Path}: the line at byte {start} is longer than {MaxLineBytes >> 20} MiB; "
                    + "a row is one line of numbers: is this the right file?");
            }
        }

        return Length;
    }

    private bool SepReadsRow(long lineStart, long next, char delimiter)
    {
        var bytes = new byte[next - lineStart];
        RandomAccess.Read(file, bytes, lineStart);
        using SepReader reader =
            DelimitedLayout.Options(delimiter).FromText(Encoding.UTF8.GetString(bytes));
        return reader.MoveNext() && !DelimitedLayout.IsBlank(reader.Current, delimiter);
    }

    /// <summary>The byte at <paramref name="position"/>, or -1 past the end.</summary>
    private int ByteAt(long position)
    {
        ReadOnlySpan<byte> span = Window(position);
        return span.IsEmpty ? -1 : span[0];
    }

    /// <summary>The buffered bytes from <paramref name="position"/> on; empty at the end.</summary>
    private ReadOnlySpan<byte> Window(long position)
    {
        if (position < bufferStart || position >= bufferStart + bufferLength)
        {
            bufferStart = position;
            bufferLength = position >= Length ? 0 : RandomAccess.Read(file, buffer, position);
        }

        int offset = (int)(position - bufferStart);
        return buffer.AsSpan(offset, bufferLength - offset);
    }
}
