using System.Globalization;
using System.Numerics;
using System.Text;
using GmmGpu.Files;

namespace GmmGpu.Data;

/// <summary>The element type of a <see cref="TableWriter"/>'s <c>.npy</c> output.</summary>
public enum TableElement
{
    /// <summary>float32 (<c>&lt;f4</c>).</summary>
    Float32,

    /// <summary>float64 (<c>&lt;f8</c>).</summary>
    Float64,

    /// <summary>int32 (<c>&lt;i4</c>).</summary>
    Int32,
}

/// <summary>
/// Writes a table of <c>rows</c> × <c>columns</c> numbers, streamed row by row, as CSV (a
/// header of the column names, then one line per row) or NumPy <c>.npy</c> (C order; shape
/// (rows) for a one-column table written as a vector, else (rows, columns)), chosen by the
/// extension. The rows go to a temporary file in the target's folder that
/// <see cref="Commit"/> moves over the target (<see cref="OutputFile"/>), so a failure leaves
/// no partial output.
/// </summary>
public sealed class TableWriter : IDisposable
{
    private readonly string path;
    private readonly OutputFile output;
    private readonly int columns;
    private readonly TableElement element;
    private readonly bool npy;
    private readonly StreamWriter? text;
    private readonly BinaryWriter? binary;
    private readonly long rows;
    private long written;
    private bool finished;

    private TableWriter(
        string path, long rows, IReadOnlyList<string> names, TableElement element, bool vector)
    {
        this.path = path;
        this.rows = rows;
        this.element = element;
        columns = names.Count;
        string extension = Path.GetExtension(path).ToUpperInvariant();
        npy = extension switch
        {
            ".NPY" => true,
            ".CSV" or ".TXT" => false,
            _ => throw new ArgumentException(
                $"cannot write {path}: unsupported output type \"{extension.ToLowerInvariant()}\"; "
                + "use .csv or .npy.", nameof(path)),
        };
        output = OutputFile.Create(path);
        try
        {
            if (npy)
            {
                binary = new BinaryWriter(output.Stream, Encoding.ASCII, leaveOpen: true);
                WriteNpyHeader(binary, rows, columns, element, vector && columns == 1);
            }
            else
            {
                text = new StreamWriter(
                    output.Stream, new UTF8Encoding(false), 1 << 16, leaveOpen: true);
                text.Write(string.Join(",", names));
                text.Write('\n');
            }
        }
        catch
        {
            output.Dispose();
            throw;
        }
    }

    /// <summary>Starts writing a table to <paramref name="path"/> (.csv or .npy).</summary>
    /// <param name="path">The target; its folder must exist.</param>
    /// <param name="rows">Number of rows that will be written, ≥ 0.</param>
    /// <param name="columnNames">The CSV header, one name per column (≥ 1).</param>
    /// <param name="element">The <c>.npy</c> element type.</param>
    /// <param name="vector">Write a one-column <c>.npy</c> with shape (rows).</param>
    /// <exception cref="IOException">The folder is missing or not writable.</exception>
    /// <exception cref="ArgumentException">The extension is not .csv or .npy.</exception>
    public static TableWriter Create(
        string path,
        long rows,
        IReadOnlyList<string> columnNames,
        TableElement element,
        bool vector = false)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(columnNames);
        ArgumentOutOfRangeException.ThrowIfNegative(rows);
        ArgumentOutOfRangeException.ThrowIfZero(columnNames.Count);
        return new TableWriter(path, rows, columnNames, element, vector);
    }

    /// <summary>Writes a whole float32 table, shape (rows, columns), atomically.</summary>
    /// <param name="cancellationToken">Checked every 65536 rows; cancelling leaves no file.
    /// </param>
    public static void Write(
        string path,
        ReadOnlySpan<float> values,
        IReadOnlyList<string> names,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(names);
        using TableWriter writer =
            Create(path, values.Length / names.Count, names, TableElement.Float32);
        writer.WriteRows(values, cancellationToken);
        writer.Commit();
    }

    /// <summary>
    /// Appends whole rows, row-major (a multiple of the column count): float32, float64 or int32
    /// values, stored as the file's element type; text uses the shortest round-trip form.
    /// </summary>
    /// <param name="cancellationToken">Checked every 65536 rows.</param>
    public void WriteRows<T>(ReadOnlySpan<T> values, CancellationToken cancellationToken = default)
        where T : INumberBase<T>
    {
        int block = columns << 16;
        for (int i = 0; i < values.Length; i++)
        {
            if (i % block == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            if (binary is not null)
            {
                WriteBinary(double.CreateChecked(values[i]));
            }
            else
            {
                WriteText(values[i].ToString(null, CultureInfo.InvariantCulture), i);
            }
        }

        written += values.Length / columns;
    }

    /// <summary>
    /// Completes the temporary file (flushed to the disk and closed) without moving it yet, so
    /// that several outputs can be finished before any of them replaces its target.
    /// </summary>
    /// <exception cref="InvalidOperationException">The rows written differ from those declared.
    /// </exception>
    /// <exception cref="IOException">The disk is full (the temporary file is then deleted by
    /// <see cref="Dispose"/>).</exception>
    public void Finish()
    {
        if (finished)
        {
            return;
        }

        if (written != rows)
        {
            throw new InvalidOperationException(
                $"{path}: {written} rows written but {rows} declared.");
        }

        text?.Flush();
        binary?.Flush();
        output.Close();
        finished = true;
    }

    /// <summary><see cref="Finish"/>es and moves the file over the target.</summary>
    /// <inheritdoc cref="Finish"/>
    public void Commit()
    {
        Finish();
        output.Commit();
    }

    /// <summary>Without <see cref="Commit"/> deletes the temporary file; never flushes (a full
    /// disk would fail again).</summary>
    public void Dispose() => output.Dispose();

    private static void WriteNpyHeader(
        BinaryWriter writer, long rows, int columns, TableElement element, bool vector)
    {
        string descr = element switch
        {
            TableElement.Float32 => "<f4",
            TableElement.Float64 => "<f8",
            _ => "<i4",
        };
        string shape = vector
            ? string.Create(CultureInfo.InvariantCulture, $"({rows},)")
            : string.Create(CultureInfo.InvariantCulture, $"({rows}, {columns})");
        string dict = $"{{'descr': '{descr}', 'fortran_order': False, 'shape': {shape}, }}";
        int padded = ((10 + dict.Length + 1 + 63) / 64) * 64;
        string header = dict.PadRight(padded - 10 - 1) + "\n";
        writer.Write(new byte[] { 0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y' });
        writer.Write((byte)1);
        writer.Write((byte)0);
        writer.Write((ushort)header.Length);
        writer.Write(Encoding.ASCII.GetBytes(header));
    }

    private void WriteBinary(double value)
    {
        switch (element)
        {
            case TableElement.Float32:
                binary!.Write((float)value);
                break;
            case TableElement.Float64:
                binary!.Write(value);
                break;
            default:
                binary!.Write((int)value);
                break;
        }
    }

    private void WriteText(string value, int index)
    {
        text!.Write(value);
        text.Write(index % columns == columns - 1 ? '\n' : ',');
    }
}
