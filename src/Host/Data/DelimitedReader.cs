using System.Globalization;
using nietras.SeparatedValues;

namespace GmmGpu.Data;

/// <summary>
/// Reads delimited text (CSV, TSV) with Sep: the delimiter is detected from the first line
/// (tab, else <c>;</c>, else <c>,</c>) and the first row is a header when a field of it is not
/// a number. Only the selected columns are parsed; every row must have the same field count.
/// </summary>
internal static class DelimitedReader
{
    public static LoadedData Read(string path, IReadOnlyList<string>? columns)
    {
        char delimiter = DetectDelimiter(path);
        using SepReader reader = Sep
            .Reader(o => o with
            {
                Sep = new Sep(delimiter),
                HasHeader = false,
                DisableColCountCheck = true,
                Unescape = true,
            })
            .FromFile(path);

        string[]? names = null;
        int[] selected = [];
        int fieldCount = 0;
        var values = new GrowableArray();
        long rows = 0;
        foreach (SepReader.Row row in reader)
        {
            if (row.ColCount == 1 && row[0].Span.IsWhiteSpace())
            {
                continue;
            }

            int line = row.LineNumberFrom;
            if (names is null)
            {
                fieldCount = row.ColCount;
                bool isHeader = false;
                for (int c = 0; c < fieldCount && !isHeader; c++)
                {
                    isHeader = !TryParse(row[c].Span, out _);
                }

                names = new string[fieldCount];
                for (int c = 0; c < fieldCount; c++)
                {
                    names[c] = isHeader
                        ? row[c].Span.Trim().ToString()
                        : c.ToString(CultureInfo.InvariantCulture);
                }

                selected = DataReader.ResolveColumns(path, names, columns);
                if (isHeader)
                {
                    continue;
                }
            }

            if (row.ColCount != fieldCount)
            {
                throw new DataFormatException(
                    $"{path} row {line} has {row.ColCount} fields; expected {fieldCount}.");
            }

            for (int s = 0; s < selected.Length; s++)
            {
                int c = selected[s];
                ReadOnlySpan<char> field = row[c].Span;
                if (!TryParse(field, out float value))
                {
                    throw new DataFormatException(
                        $"{path} row {line}, column {ColumnText(names, c)}: "
                        + $"\"{field.ToString()}\" is not a number.");
                }

                if (!float.IsFinite(value))
                {
                    throw DataReader.NotFinite(
                        path, line, ColumnText(names, c), field.Trim().ToString());
                }

                values.Add(value, path, selected.Length);
            }

            rows++;
        }

        if (names is null)
        {
            throw new DataFormatException($"{path} is empty.");
        }

        if (rows == 0)
        {
            throw new DataFormatException($"{path} has a header but no data rows.");
        }

        return new LoadedData(
            path, values.ToMemory(), rows, selected.Select(i => names[i]).ToArray());
    }

    /// <summary>Tab if the first non-blank line has one, else <c>;</c> if it has, else <c>,</c>.
    /// </summary>
    private static char DetectDelimiter(string path)
    {
        using var text = new StreamReader(path);
        string? line;
        do
        {
            line = text.ReadLine();
        }
        while (line is not null && string.IsNullOrWhiteSpace(line));

        if (line is null)
        {
            throw new DataFormatException($"{path} is empty.");
        }

        return line.Contains('\t', StringComparison.Ordinal) ? '\t'
            : line.Contains(';', StringComparison.Ordinal) ? ';'
            : ',';
    }

    /// <summary>Parses a float, also NumPy's "inf" and "-inf" (reported as not finite).</summary>
    private static bool TryParse(ReadOnlySpan<char> field, out float value)
    {
        if (float.TryParse(field, NumberStyles.Float, CultureInfo.InvariantCulture, out value))
        {
            return true;
        }

        ReadOnlySpan<char> text = field.Trim();
        bool negative = text.StartsWith('-');
        ReadOnlySpan<char> magnitude = negative || text.StartsWith('+') ? text[1..] : text;
        if (magnitude.Equals("inf", StringComparison.OrdinalIgnoreCase))
        {
            value = negative ? float.NegativeInfinity : float.PositiveInfinity;
            return true;
        }

        return false;
    }

    /// <summary>A header name in quotes, or the 1-based column number without a header.</summary>
    private static string ColumnText(string[] names, int column) =>
        names[column] == column.ToString(CultureInfo.InvariantCulture)
            ? (column + 1).ToString(CultureInfo.InvariantCulture)
            : $"\"{names[column]}\"";

    /// <summary>A float32 list that doubles as it grows, capped at the largest array.</summary>
    private sealed class GrowableArray
    {
        private float[] items = new float[1 << 16];
        private long count;

        public void Add(float value, string path, int features)
        {
            if (count == items.Length)
            {
                if (count == Array.MaxLength)
                {
                    throw DataReader.TooLarge(path, (count / features) + 1, features);
                }

                Array.Resize(ref items, (int)Math.Min((long)items.Length * 2, Array.MaxLength));
            }

            items[count++] = value;
        }

        public ReadOnlyMemory<float> ToMemory() => items.AsMemory(0, (int)count);
    }
}
