using System.Buffers.Binary;
using System.Globalization;
using System.IO.MemoryMappedFiles;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace GmmGpu.Data;

/// <summary>
/// The rows of a NumPy <c>.npy</c> file (see <see cref="NpyHeader"/>), mapped into memory
/// read-only: a read copies (float32) or converts (float64) the selected columns of its rows
/// and checks that they are finite. Offsets are 64-bit, so files of more than 2^31 values work.
/// </summary>
internal sealed unsafe class NpyRowSource : IRowSource, IMappedRows, IRawRows
{
    private readonly MemoryMappedFile? map;
    private readonly MemoryMappedViewAccessor? view;
    private readonly byte* firstRow;
    private readonly NpyHeader header;
    private readonly int[] selected;
    private readonly bool allColumns;
    private bool disposed;

    // Rows [0, checkedRows) were found finite when mapped: passes map them again unchecked.
    private long checkedRows;

    private NpyRowSource(
        string path,
        NpyHeader header,
        int[] selected,
        (long First, long Count) share,
        FileStream stream)
    {
        Name = path;
        this.header = header;
        this.selected = selected;
        allColumns = selected.AsSpan().SequenceEqual(
            Enumerable.Range(0, (int)header.Features).ToArray());
        ColumnNames = selected.Select(i => i.ToString(CultureInfo.InvariantCulture)).ToArray();
        FirstRow = share.First;
        Rows = share.Count;
        if (Rows == 0)
        {
            // A view of length 0 would map the whole file; an empty share maps nothing.
            stream.Dispose();
            return;
        }

        map = MemoryMappedFile.CreateFromFile(
            stream, null, 0, MemoryMappedFileAccess.Read, HandleInheritability.None,
            leaveOpen: false);
        view = map.CreateViewAccessor(
            header.DataOffset + (FirstRow * header.RowBytes), Rows * header.RowBytes,
            MemoryMappedFileAccess.Read);
        byte* pointer = null;
        view.SafeMemoryMappedViewHandle.AcquirePointer(ref pointer);
        firstRow = pointer + view.PointerOffset;
    }

    /// <inheritdoc/>
    public string Name { get; }

    /// <inheritdoc/>
    public long Rows { get; }

    /// <inheritdoc/>
    public int Columns => selected.Length;

    /// <inheritdoc/>
    public IReadOnlyList<string> ColumnNames { get; }

    /// <inheritdoc/>
    public long FirstRow { get; }

    /// <summary>
    /// Maps rank <paramref name="rank"/>'s share of the rows of <paramref name="path"/> among
    /// <paramref name="size"/> processes (see <see cref="RowRange.RowShare"/>); the columns are
    /// named by their 0-based index, as text.
    /// </summary>
    public static NpyRowSource Open(
        string path, IReadOnlyList<string>? columns, int rank = 0, int size = 1)
    {
        var stream = new FileStream(
            path, FileMode.Open, FileAccess.Read, FileShare.Read, 4096, FileOptions.RandomAccess);
        try
        {
            NpyHeader header = NpyHeader.Read(path, stream);
            string[] names = Enumerable.Range(0, (int)header.Features)
                .Select(i => i.ToString(CultureInfo.InvariantCulture)).ToArray();
            int[] selected = DataReader.ResolveColumns(path, names, columns);
            return new NpyRowSource(
                path, header, selected, RowRange.RowShare(header.Rows, rank, size), stream);
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }

    /// <inheritdoc/>
    public void Read(long start, int count, Span<float> destination)
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        RowRange.CheckRead(this, start, count, destination);
        if (count == 0)
        {
            return;
        }

        Span<float> target = destination[..(count * Columns)];
        byte* rows = firstRow + (start * header.RowBytes);
        if (allColumns && header.ItemSize == sizeof(float))
        {
            new ReadOnlySpan<float>(rows, target.Length).CopyTo(target);
            if (!BitConverter.IsLittleEndian)
            {
                Span<int> raw = MemoryMarshal.Cast<float, int>(target);
                BinaryPrimitives.ReverseEndianness(raw, raw);
            }
        }
        else
        {
            Gather(rows, count, target);
        }

        CheckFinite<float>(start, target);
    }

    /// <inheritdoc/>
    public void ReadRaw(long start, int count, Span<double> destination)
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        RowRange.CheckRead(this, start, count, destination);
        int width = Columns, itemSize = header.ItemSize;
        Span<double> target = destination[..(count * width)];
        for (int r = 0; r < count; r++)
        {
            byte* row = firstRow + ((start + r) * header.RowBytes);
            for (int c = 0; c < width; c++)
            {
                byte* item = row + ((long)selected[c] * itemSize);
                target[(r * width) + c] = itemSize == sizeof(double)
                    ? LoadDouble(item)
                    : LoadSingle(item);
            }
        }

        CheckFinite<double>(start, target);
    }

    /// <inheritdoc/>
    public bool TryMap(long start, int count, out ReadOnlyMemory<float> rows)
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        rows = default;
        if (!allColumns || header.ItemSize != sizeof(float) || !BitConverter.IsLittleEndian
            || (long)count * Columns > int.MaxValue)
        {
            return false;
        }

        RowRange.CheckRange(this, start, count);
        var values = (float*)(firstRow + (start * header.RowBytes));
        long end = start + count;
        if (end > checkedRows)
        {
            long from = start <= checkedRows ? checkedRows : start;
            CheckFinite(from, new ReadOnlySpan<float>(
                values + ((from - start) * Columns), (int)((end - from) * Columns)));
            if (start <= checkedRows)
            {
                checkedRows = end;
            }
        }

        rows = new PointerMemory(values, count * Columns).Memory;
        return true;
    }

    /// <summary>Unmaps the file.</summary>
    public void Dispose()
    {
        if (disposed)
        {
            return;
        }

        disposed = true;
        if (view is not null)
        {
            view.SafeMemoryMappedViewHandle.ReleasePointer();
            view.Dispose();
        }

        map?.Dispose();
    }

    /// <summary>
    /// Throws naming the first value that is not finite, rows from <paramref name="start"/>.
    /// </summary>
    private void CheckFinite<T>(long start, ReadOnlySpan<T> values)
        where T : unmanaged, System.Numerics.IFloatingPointIeee754<T>
    {
        int bad = FiniteValues.IndexOfNonFinite(values);
        if (bad >= 0)
        {
            // Rows and columns are 1-based here, as the whole-file reader has always named them.
            throw DataReader.NotFinite(
                Name, FirstRow + start + (bad / Columns) + 1,
                (selected[bad % Columns] + 1).ToString(CultureInfo.InvariantCulture),
                values[bad].ToString(null, CultureInfo.InvariantCulture));
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static float LoadSingle(byte* item) => BitConverter.IsLittleEndian
        ? Unsafe.ReadUnaligned<float>(item)
        : BinaryPrimitives.ReadSingleLittleEndian(new ReadOnlySpan<byte>(item, sizeof(float)));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double LoadDouble(byte* item) => BitConverter.IsLittleEndian
        ? Unsafe.ReadUnaligned<double>(item)
        : BinaryPrimitives.ReadDoubleLittleEndian(new ReadOnlySpan<byte>(item, sizeof(double)));

    /// <summary>Copies the selected columns of <paramref name="count"/> rows as float32.</summary>
    private void Gather(byte* rows, int count, Span<float> target)
    {
        int width = Columns;
        int itemSize = header.ItemSize;
        bool doubles = itemSize == sizeof(double);
        for (int r = 0; r < count; r++)
        {
            byte* row = rows + (r * header.RowBytes);
            Span<float> values = target.Slice(r * width, width);
            for (int c = 0; c < width; c++)
            {
                byte* item = row + ((long)selected[c] * itemSize);
                values[c] = doubles ? (float)LoadDouble(item) : LoadSingle(item);
            }
        }
    }
}
