using Parquet;
using Parquet.Schema;
using Xunit;

namespace GmmGpu.Tests.Data;

/// <summary>Writes small Parquet files for tests, in row groups of chosen sizes.</summary>
internal static class ParquetTestFile
{
    /// <summary>
    /// Writes <paramref name="columns"/> (each double[], float[], int[], long[], double?[] or
    /// string[], all of one length) to <paramref name="path"/>, in row groups of
    /// <paramref name="groupSizes"/> rows (one group of every row when none are given).
    /// </summary>
    public static async Task WriteAsync(
        string path, IReadOnlyList<(string Name, Array Values)> columns, params int[] groupSizes)
    {
        int rows = columns[0].Values.Length;
        int[] sizes = groupSizes.Length == 0 ? [rows] : groupSizes;
        Assert.Equal(rows, sizes.Sum());
        DataField[] fields = columns.Select(c => Field(c.Name, c.Values)).ToArray();
        await using FileStream stream = File.Create(path);
        await using ParquetWriter writer =
            await ParquetWriter.CreateAsync(new ParquetSchema(fields), stream);
        int start = 0;
        foreach (int size in sizes)
        {
            using ParquetRowGroupWriter group = writer.CreateRowGroup();
            for (int c = 0; c < columns.Count; c++)
            {
                await WriteAsync(group, fields[c], columns[c].Values, start, size);
            }

            start += size;
        }
    }

    private static DataField Field(string name, Array values) => values switch
    {
        double[] => new DataField<double>(name),
        float[] => new DataField<float>(name),
        int[] => new DataField<int>(name),
        long[] => new DataField<long>(name),
        double?[] => new DataField<double?>(name),
        string[] => new DataField<string>(name),
        _ => throw new ArgumentException($"no Parquet column for {values.GetType()}"),
    };

    private static Task WriteAsync(
        ParquetRowGroupWriter group, DataField field, Array values, int start, int count) =>
        values switch
        {
            double[] v => group.WriteAsync<double>(field, v.AsMemory(start, count)),
            float[] v => group.WriteAsync<float>(field, v.AsMemory(start, count)),
            int[] v => group.WriteAsync<int>(field, v.AsMemory(start, count)),
            long[] v => group.WriteAsync<long>(field, v.AsMemory(start, count)),
            double?[] v => group.WriteAsync<double>(field, v.AsMemory(start, count)),
            string[] v => group.WriteAsync(field, v.Skip(start).Take(count).ToArray()),
            _ => throw new ArgumentException($"no Parquet column for {values.GetType()}"),
        };
}
