using Parquet;
using Parquet.Schema;

namespace GmmGpu.Data;

/// <summary>
/// Reads the numeric columns (float, double, 8- to 64-bit integers) of a Parquet file with
/// Parquet.Net, row group by row group, into row-major float32. A null is an error.
/// </summary>
internal static class ParquetFileReader
{
    private static readonly Type[] NumericTypes =
    [
        typeof(float), typeof(double), typeof(int), typeof(long), typeof(short),
        typeof(sbyte), typeof(byte), typeof(ushort), typeof(uint),
    ];

    public static LoadedData Read(string path, IReadOnlyList<string>? columns)
    {
        try
        {
            return ReadAsync(path, columns).GetAwaiter().GetResult();
        }
        catch (Exception ex) when (ex is not DataFormatException and not OutOfMemoryException
            and not IOException)
        {
            throw new DataFormatException($"{path} is not a valid Parquet file: {ex.Message}", ex);
        }
    }

    private static async Task<LoadedData> ReadAsync(string path, IReadOnlyList<string>? columns)
    {
        using FileStream file = File.OpenRead(path);
        ParquetReader reader = await ParquetReader.CreateAsync(file).ConfigureAwait(false);
        await using (reader.ConfigureAwait(false))
        {
            return await ReadAllAsync(path, columns, reader).ConfigureAwait(false);
        }
    }

    private static async Task<LoadedData> ReadAllAsync(
        string path, IReadOnlyList<string>? columns, ParquetReader reader)
    {
        DataField[] fields = reader.Schema.GetDataFields();
        string[] names = fields.Select(f => f.Name).ToArray();
        int[] selected = columns is null
            ? Enumerable.Range(0, fields.Length).Where(i => IsNumeric(fields[i])).ToArray()
            : DataReader.ResolveColumns(path, names, columns);
        if (selected.Length == 0)
        {
            throw new DataFormatException($"{path} has no numeric columns.");
        }

        foreach (int c in selected)
        {
            if (!IsNumeric(fields[c]))
            {
                throw new DataFormatException(
                    $"{path}: column \"{names[c]}\" is not numeric; choose numeric columns "
                    + "with --columns.");
            }
        }

        long rows = 0;
        for (int g = 0; g < reader.RowGroupCount; g++)
        {
            using ParquetRowGroupReader group = reader.OpenRowGroupReader(g);
            rows += group.RowCount;
        }

        int width = selected.Length;
        if (rows == 0)
        {
            throw new DataFormatException($"{path} has no rows.");
        }

        if (rows * width > Array.MaxLength)
        {
            throw DataReader.TooLarge(path, rows, width);
        }

        var values = new float[rows * width];
        long offset = 0;
        for (int g = 0; g < reader.RowGroupCount; g++)
        {
            using ParquetRowGroupReader group = reader.OpenRowGroupReader(g);
            int count = checked((int)group.RowCount);
            var column = new double?[count];
            for (int s = 0; s < width; s++)
            {
                DataField field = fields[selected[s]];
                await ReadColumnAsync(group, field, column).ConfigureAwait(false);
                for (int i = 0; i < count; i++)
                {
                    long row = offset + i;
                    if (column[i] is not { } value)
                    {
                        throw new DataFormatException(
                            $"{path} row {row}, column \"{field.Name}\": the value is missing "
                            + "(null); remove or impute missing values.");
                    }

                    float single = (float)value;
                    if (!float.IsFinite(single))
                    {
                        throw DataReader.NotFinite(
                            path, row, $"\"{field.Name}\"",
                            value.ToString(System.Globalization.CultureInfo.InvariantCulture));
                    }

                    values[(row * width) + s] = single;
                }
            }

            offset += count;
        }

        return new LoadedData(path, values, rows, selected.Select(i => names[i]).ToArray());
    }

    private static bool IsNumeric(DataField field) =>
        !field.IsArray && NumericTypes.Contains(field.ClrType);

    private static async Task ReadColumnAsync(
        ParquetRowGroupReader group, DataField field, double?[] column)
    {
        Type type = field.ClrType;
        if (type == typeof(double))
        {
            await ReadAsync<double>(group, field, column, v => v).ConfigureAwait(false);
        }
        else if (type == typeof(float))
        {
            await ReadAsync<float>(group, field, column, v => v).ConfigureAwait(false);
        }
        else if (type == typeof(long))
        {
            await ReadAsync<long>(group, field, column, v => v).ConfigureAwait(false);
        }
        else if (type == typeof(int))
        {
            await ReadAsync<int>(group, field, column, v => v).ConfigureAwait(false);
        }
        else if (type == typeof(uint))
        {
            await ReadAsync<uint>(group, field, column, v => v).ConfigureAwait(false);
        }
        else if (type == typeof(short))
        {
            await ReadAsync<short>(group, field, column, v => v).ConfigureAwait(false);
        }
        else if (type == typeof(ushort))
        {
            await ReadAsync<ushort>(group, field, column, v => v).ConfigureAwait(false);
        }
        else if (type == typeof(sbyte))
        {
            await ReadAsync<sbyte>(group, field, column, v => v).ConfigureAwait(false);
        }
        else
        {
            await ReadAsync<byte>(group, field, column, v => v).ConfigureAwait(false);
        }
    }

    private static async Task ReadAsync<T>(
        ParquetRowGroupReader group, DataField field, double?[] column, Func<T, double> convert)
        where T : struct
    {
        if (field.IsNullable)
        {
            var raw = new T?[column.Length];
            await group.ReadAsync(field, raw.AsMemory()).ConfigureAwait(false);
            for (int i = 0; i < raw.Length; i++)
            {
                column[i] = raw[i] is { } v ? convert(v) : null;
            }
        }
        else
        {
            var raw = new T[column.Length];
            await group.ReadAsync(field, raw.AsMemory()).ConfigureAwait(false);
            for (int i = 0; i < raw.Length; i++)
            {
                column[i] = convert(raw[i]);
            }
        }
    }
}
