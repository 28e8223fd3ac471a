using GmmGpu.Distributed;
using GmmGpu.Numerics;
using GmmGpu.Passes;
using nietras.SeparatedValues;

namespace GmmGpu.Data;

/// <summary>Reads a data set of N points with D features from a <c>.npy</c> or CSV file.</summary>
public static class DataReader
{
    /// <summary>
    /// Reads <paramref name="path"/> into row-major float32 values. The format follows the
    /// extension: <c>.npy</c> (NumPy float32 <c>&lt;f4</c> or float64 <c>&lt;f8</c>, C order, 1-D
    /// or 2-D; a 1-D array is N points with D = 1), or <c>.csv</c>, <c>.tsv</c>, <c>.txt</c>,
    /// <c>.dat</c> (delimited UTF-8 text, one row a line; the delimiter is tab if the first line
    /// has one, else <c>;</c>, else <c>,</c>, else runs of spaces (numpy.savetxt's default); the
    /// first row is a header when none of its fields is a number or it starts with <c>#</c>), or
    /// <c>.parquet</c> (the numeric columns; a null is an error). Any other name, a pipe
    /// included, is told by its first bytes (see <see cref="RowSources"/>).
    /// </summary>
    /// <param name="path">The file to read.</param>
    /// <param name="columns">
    /// The columns to keep, in this order, each by header name or by 0-based index in the file;
    /// null keeps them all.
    /// </param>
    /// <returns>The data, shape (N, D) with N ≥ 1 and D ≥ 1, every value finite.</returns>
    /// <exception cref="DataFormatException">
    /// The file is missing, empty or malformed, a value is not a finite number, or a column does
    /// not exist; the one-line message names the file, row, column and value.
    /// </exception>
    /// <remarks>scikit-learn: numpy.load / numpy.loadtxt before GaussianMixture.fit</remarks>
    public static LoadedData Read(string path, IReadOnlyList<string>? columns = null)
    {
        // The whole-file read is the streaming source read in one range, so both give the same
        // values and the same messages.
        using IRowSource source = RowSources.Open(path, columns);
        long count = source.Rows * source.Columns;
        if (count > Array.MaxLength)
        {
            throw TooLarge(path, source.Rows, source.Columns);
        }

        var values = new float[count];
        source.Read(0, (int)source.Rows, values);
        return new LoadedData(path, values, source.Rows, source.ColumnNames);
    }

    /// <summary>
    /// Reads <paramref name="path"/> as <see cref="Read"/> does, each feature far from 0 for
    /// its range (1e8 + a spread of 10, timestamps) first moved, in float64, by a round
    /// <see cref="LoadedData.Origin"/> near its middle, so its float32 values keep their digits.
    /// </summary>
    /// <inheritdoc cref="Read"/>
    public static LoadedData ReadCentred(string path, IReadOnlyList<string>? columns = null)
    {
        using IRowSource source = RowSources.Open(path, columns);
        long count = source.Rows * source.Columns;
        if (count > Array.MaxLength)
        {
            throw TooLarge(path, source.Rows, source.Columns);
        }

        FeatureSummary summary = FeatureSummary.Compute(
            source, SingleProcessCommunicator.Instance, null, CancellationToken.None);
        double[] origin = FeatureScaling.FromBounds(summary.Minimum, summary.Maximum).Shift;
        for (int j = 0; j < origin.Length; j++)
        {
            origin[j] = RoundOrigin(origin[j], summary.Maximum[j] - summary.Minimum[j]);
        }

        using var shifted = new ScaledRowSource(source, FeatureScaling.Shifted(origin));
        var values = new float[count];
        shifted.Read(0, (int)source.Rows, values);
        return new LoadedData(path, values, source.Rows, source.ColumnNames)
        {
            Origin = Array.TrueForAll(origin, o => o == 0) ? null : origin,
        };
    }

    /// <summary>
    /// Throws unless <paramref name="path"/> is an existing file and <paramref name="columns"/>
    /// is null or names at least one column.
    /// </summary>
    internal static void CheckFile(string path, IReadOnlyList<string>? columns)
    {
        if (!File.Exists(path))
        {
            throw new DataFormatException(
                Directory.Exists(path) ? $"{path} is a folder, not a data file."
                                       : $"{path} does not exist.");
        }

        if (columns is { Count: 0 })
        {
            throw new DataFormatException($"{path}: the list of columns is empty.");
        }
    }

    /// <summary>Whether <paramref name="error"/> is a failure to read a file.</summary>
    internal static bool IsReadError(Exception error) =>
        error is IOException or UnauthorizedAccessException;

    /// <summary>The error for a file the system cannot read.</summary>
    internal static DataFormatException CannotRead(string path, Exception error) =>
        new($"{path}: cannot read: {error.Message}", error);

    /// <summary>
    /// Splits a list of columns as a user writes it on a command line: comma-separated, each
    /// name trimmed, a name that holds a comma in double quotes as in CSV ("a,b",c).
    /// </summary>
    /// <returns>The names or indices, in order; empty entries are kept (and refused later).
    /// </returns>
    public static IReadOnlyList<string> SplitColumnList(string list)
    {
        ArgumentNullException.ThrowIfNull(list);
        using SepReader reader = Sep.Reader(o => o with
        {
            Sep = new Sep(','),
            HasHeader = false,
            DisableColCountCheck = true,
            Unescape = true,
            Trim = SepTrim.All,
        }).FromText(list);
        if (!reader.MoveNext())
        {
            return [""];
        }

        SepReader.Row row = reader.Current;
        var names = new string[row.ColCount];
        for (int c = 0; c < names.Length; c++)
        {
            names[c] = row[c].Span.Trim().ToString();
        }

        return names;
    }

    /// <summary>
    /// Resolves each requested column to its 0-based index in the file: by header name, else
    /// by index. A name that several columns share, or a column asked for twice, is refused.
    /// </summary>
    internal static int[] ResolveColumns(
        string path, IReadOnlyList<string> names, IReadOnlyList<string>? columns)
    {
        if (columns is null)
        {
            return Enumerable.Range(0, names.Count).ToArray();
        }

        var indices = new int[columns.Count];
        for (int c = 0; c < columns.Count; c++)
        {
            string token = columns[c].Trim();
            int index = ResolveColumn(path, names, token);
            int before = Array.IndexOf(indices, index, 0, c);
            if (before >= 0)
            {
                throw new DataFormatException(
                    $"{path}: the columns {MessageText.Quote(columns[before].Trim())} and "
                    + $"{MessageText.Quote(token)} are the same column (0-based index {index}); "
                    + "list each column once.");
            }

            indices[c] = index;
        }

        return indices;
    }

    private static int ResolveColumn(string path, IReadOnlyList<string> names, string token)
    {
        int[] matches = Enumerable.Range(0, names.Count)
            .Where(i => string.Equals(names[i], token, StringComparison.Ordinal)).ToArray();
        if (matches.Length > 1)
        {
            throw new DataFormatException(
                $"{path}: the header names {matches.Length} columns {MessageText.Quote(token)} "
                + $"(0-based indices {string.Join(", ", matches)}); select one by its index.");
        }

        if (matches.Length == 1)
        {
            return matches[0];
        }

        if (int.TryParse(
                token, System.Globalization.NumberStyles.None,
                System.Globalization.CultureInfo.InvariantCulture, out int parsed))
        {
            return parsed < names.Count ? parsed : throw new DataFormatException(
                $"{path}: column index {token} is out of range; the file has {names.Count} "
                + $"columns (0-based indices 0 to {names.Count - 1}).");
        }

        string known = names.Count <= 20
            ? string.Join(", ", names.Select(n => MessageText.Quote(n)))
            : $"{names.Count} columns";
        throw new DataFormatException(
            $"{path}: unknown column {MessageText.Quote(token)}; the columns are {known}.");
    }

    /// <summary>The error for a value that parsed but is NaN or infinite.</summary>
    internal static DataFormatException NotFinite(
        string path, long row, string column, string value) =>
        new($"{path} row {row}, column {column}: value {MessageText.Escape(Cut(value))} is not "
            + "finite; remove or impute missing and infinite values.");

    /// <summary>A value cut to <see cref="MessageText.MaxChars"/> characters.</summary>
    private static string Cut(string value) => value.Length <= MessageText.MaxChars
        ? value
        : $"{value[..MessageText.MaxChars]}… ({value.Length} characters)";

    /// <summary>The error for a file too large for one float32 array.</summary>
    internal static DataFormatException TooLarge(string path, long rows, long features) =>
        new($"{path}: {rows} × {features} values exceed the largest array "
            + $"({Array.MaxLength} values); select fewer columns or split the file.");

    /// <summary>
    /// A shift near <paramref name="middle"/> that reads well on an axis: a multiple of the
    /// power of ten at or above <paramref name="range"/> (1e8 for 1e8 + 2.46 over a range of 11),
    /// close enough that the values about it keep float32's digits. 0 stays 0.
    /// </summary>
    private static double RoundOrigin(double middle, double range)
    {
        if (middle == 0 || !double.IsFinite(range))
        {
            return middle;
        }

        double step = range > 0
            ? Math.Pow(10, Math.Ceiling(Math.Log10(range)))
            : Math.Pow(10, Math.Floor(Math.Log10(Math.Abs(middle))) - 6);
        double rounded = Math.Round(middle / step) * step;
        return double.IsFinite(rounded) ? rounded : middle;
    }
}
