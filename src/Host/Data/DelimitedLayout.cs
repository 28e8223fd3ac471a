using System.Globalization;
using System.Numerics;
using nietras.SeparatedValues;

namespace GmmGpu.Data;

/// <summary>
/// What a delimited text file (CSV, TSV) holds and how one of its rows becomes floats. The
/// delimiter is tab if the first non-blank line has one, else <c>;</c> if it has one, else
/// <c>,</c>; the first non-blank row is a header when any of its fields is not a number. The text
/// is UTF-8 and a row is one line: a quoted field must not span lines.
/// </summary>
internal sealed class DelimitedLayout
{
    private static readonly byte[] Utf8Mark = [0xEF, 0xBB, 0xBF];
    private static readonly byte[][] Utf16Marks = [[0xFF, 0xFE], [0xFE, 0xFF]];
    private const string HeaderHint =
        " (a first row is a header only when none of its fields is a number).";
    private readonly string[] names;
    private readonly int[] selected;
    private readonly int fieldCount;

    // The non-empty fields of the row being parsed, when fields are separated by spaces.
    private int[] fieldScratch = [];

    private DelimitedLayout(
        string path, char delimiter, string[] names, int[] selected, bool hasHeader)
    {
        Path = path;
        Delimiter = delimiter;
        this.names = names;
        this.selected = selected;
        fieldCount = names.Length;
        HasHeader = hasHeader;
        ColumnNames = selected.Select(i => names[i]).ToArray();
    }

    /// <summary>The file.</summary>
    public string Path { get; }

    /// <summary>The field delimiter.</summary>
    public char Delimiter { get; }

    /// <summary>Whether the first non-blank line is a header.</summary>
    public bool HasHeader { get; }

    /// <summary>The names of the selected columns, in the order asked for.</summary>
    public IReadOnlyList<string> ColumnNames { get; }

    /// <summary>
    /// The byte offset of the first line after the header (after a UTF-8 byte-order mark when
    /// there is no header): the data lines start here.
    /// </summary>
    public long DataStart { get; private set; }

    /// <summary>The 1-based line of the first non-blank row (the header, if there is one).
    /// </summary>
    public long FirstLine { get; private set; }

    /// <summary>The lines before <see cref="DataStart"/>: 0, or the header's line number.
    /// </summary>
    public long LinesBeforeData { get; private set; }

    /// <summary>Detects the delimiter, header and columns of <paramref name="path"/>.</summary>
    public static DelimitedLayout Read(string path, IReadOnlyList<string>? columns)
    {
        using var scanner = new DelimitedLineScanner(path);
        if (Utf16Marks.Any(mark => scanner.StartsWith(mark)))
        {
            // Rows are found by scanning bytes for line ends, which needs an 8-bit encoding.
            throw new DataFormatException(
                $"{path} is UTF-16 text; save it as UTF-8 (or ASCII) to read it.");
        }

        scanner.CheckIsText();
        string firstLine = scanner.FirstNonBlankLine()
            ?? throw new DataFormatException($"{path} is empty.");
        char delimiter = DetectDelimiter(firstLine);
        using SepReader reader = Options(delimiter).FromFile(path);
        bool found = false;
        while (!found && reader.MoveNext())
        {
            found = !IsBlank(reader.Current, delimiter);
        }

        if (!found)
        {
            throw new DataFormatException($"{path} is empty.");
        }

        SepReader.Row first = reader.Current;
        int[] fields = [];
        int fieldCount = FieldIndices(first, delimiter, ref fields);

        // numpy.savetxt writes its header after a '#': such a line is a header. Otherwise a
        // header has no number at all: a first row with some numbers is data, and a field of it
        // that is not a number is reported, not taken for a column name.
        var texts = new string[fieldCount];
        for (int c = 0; c < fieldCount; c++)
        {
            texts[c] = first[fields[c]].Span.Trim().ToString();
        }

        bool commented = texts[0].StartsWith('#');
        bool isHeader = commented || texts.All(text => !TryParse(text, out double _));
        if (commented)
        {
            texts[0] = texts[0][1..].Trim();
            texts = texts[0].Length == 0 && delimiter == ' ' ? texts[1..] : texts;
        }

        string[] names = isHeader
            ? texts
            : Enumerable.Range(0, texts.Length)
                .Select(c => c.ToString(CultureInfo.InvariantCulture)).ToArray();
        int[] selected = DataReader.ResolveColumns(path, names, columns);
        var layout = new DelimitedLayout(path, delimiter, names, selected, isHeader)
        {
            FirstLine = first.RowIndex + 1,
        };
        long start = scanner.StartsWith(Utf8Mark) ? Utf8Mark.Length : 0;
        if (isHeader)
        {
            // One row is one line, so the header is line RowIndex + 1.
            layout.LinesBeforeData = first.RowIndex + 1;
            start = scanner.SkipLines(start, layout.LinesBeforeData);
        }

        layout.DataStart = start;
        return layout;
    }

    /// <summary>The Sep options: no header (we detect it), any field count (we check it).
    /// </summary>
    public static SepReaderOptions Options(char delimiter) => Sep.Reader(o => o with
    {
        Sep = new Sep(delimiter),
        HasHeader = false,
        DisableColCountCheck = true,
        Unescape = true,
    });

    /// <summary>
    /// A blank line: one field of white space only (any number of them when fields are
    /// separated by spaces). It holds no row.
    /// </summary>
    public static bool IsBlank(SepReader.Row row, char delimiter)
    {
        if (row.ColCount != 1 && delimiter != ' ')
        {
            return false;
        }

        for (int c = 0; c < row.ColCount; c++)
        {
            if (!row[c].Span.IsWhiteSpace())
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Parses the selected columns of <paramref name="row"/>, line <paramref name="line"/> of
    /// the file (1-based), into <paramref name="destination"/>; throws naming the line, the
    /// column and the value when a field is not a finite number or the field count is wrong.
    /// </summary>
    public void Parse<T>(SepReader.Row row, long line, Span<T> destination)
        where T : IFloatingPointIeee754<T>
    {
        bool spaced = Delimiter == ' ';
        int count = spaced ? FieldIndices(row, Delimiter, ref fieldScratch) : row.ColCount;
        if (count != fieldCount)
        {
            throw new DataFormatException(
                $"{Path} row {line} has {count} fields; expected {fieldCount}.");
        }

        for (int s = 0; s < selected.Length; s++)
        {
            int c = selected[s];
            ReadOnlySpan<char> field = row[spaced ? fieldScratch[c] : c].Span;
            if (!TryParse(field, out T value))
            {
                throw new DataFormatException(
                    $"{Path} row {line}, column {ColumnText(c)}: "
                    + $"{MessageText.Quote(field)} is not a number"
                    + (HasHeader || line != FirstLine ? "." : HeaderHint));
            }

            if (!T.IsFinite(value))
            {
                throw DataReader.NotFinite(
                    Path, line, ColumnText(c), field.Trim().ToString());
            }

            destination[s] = value;
        }
    }

    /// <summary>
    /// Tab if <paramref name="line"/> (the first non-blank one) has one, else <c>;</c> if it
    /// has, else <c>,</c> if it has, else a space if it has one between other characters
    /// (numpy.savetxt's default), else <c>,</c> (one column).
    /// </summary>
    private static char DetectDelimiter(string line) =>
        line.Contains('\t', StringComparison.Ordinal) ? '\t'
            : line.Contains(';', StringComparison.Ordinal) ? ';'
            : line.Contains(',', StringComparison.Ordinal) ? ','
            : line.Trim().Contains(' ', StringComparison.Ordinal) ? ' '
            : ',';

    /// <summary>
    /// The indices of a row's fields: all of them, or when fields are separated by spaces the
    /// ones that are not empty (a run of spaces separates two fields; leading ones none).
    /// </summary>
    private static int FieldIndices(SepReader.Row row, char delimiter, ref int[] indices)
    {
        if (indices.Length < row.ColCount)
        {
            indices = new int[row.ColCount];
        }

        int count = 0;
        for (int c = 0; c < row.ColCount; c++)
        {
            if (delimiter != ' ' || !row[c].Span.IsEmpty)
            {
                indices[count++] = c;
            }
        }

        return count;
    }

    /// <summary>Parses a float, also NumPy's "inf" and "-inf" (reported as not finite).</summary>
    private static bool TryParse<T>(ReadOnlySpan<char> field, out T value)
        where T : IFloatingPointIeee754<T>
    {
        if (T.TryParse(field, NumberStyles.Float, CultureInfo.InvariantCulture, out value!))
        {
            return true;
        }

        ReadOnlySpan<char> text = field.Trim();
        bool negative = text.StartsWith('-');
        ReadOnlySpan<char> magnitude = negative || text.StartsWith('+') ? text[1..] : text;
        if (magnitude.Equals("inf", StringComparison.OrdinalIgnoreCase))
        {
            value = negative ? T.NegativeInfinity : T.PositiveInfinity;
            return true;
        }

        return false;
    }

    /// <summary>A header name in quotes, or the 1-based column number without a header.</summary>
    private string ColumnText(int column) =>
        names[column] == column.ToString(CultureInfo.InvariantCulture)
            ? (column + 1).ToString(CultureInfo.InvariantCulture)
            : MessageText.Quote(names[column]);
}
