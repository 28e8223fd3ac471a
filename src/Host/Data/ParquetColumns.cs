using Parquet;
using Parquet.Schema;

namespace GmmGpu.Data;

/// <summary>
/// The numeric columns of a Parquet file (float, double, 8- to 64-bit integers), read one row
/// group at a time as float64 with nulls kept as null.
/// </summary>
internal static class ParquetColumns
{
    private static readonly Type[] NumericTypes =
    [
        typeof(float), typeof(double), typeof(int), typeof(long), typeof(short),
        typeof(sbyte), typeof(byte), typeof(ushort), typeof(uint),
    ];

    /// <summary>Whether the column holds plain numbers.</summary>
    public static bool IsNumeric(DataField field) =>
        !field.IsArray && NumericTypes.Contains(field.ClrType);

    /// <summary>Reads <paramref name="field"/> of a row group into <paramref name="column"/>,
    /// whose length is the group's row count.</summary>
    public static async Task ReadAsync(
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
