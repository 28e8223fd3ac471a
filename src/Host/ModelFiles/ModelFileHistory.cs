using System.Text.Json;
using GmmGpu.Data;

namespace GmmGpu.ModelFiles;

/// <summary>
/// The optional "history" member of a model file: the best run's figures per EM iteration, as
/// an object of equal-length arrays (iteration, log_likelihood, change, aic, bic, seconds), so
/// curves can be drawn from a saved model. Not a scikit-learn attribute (no trailing "_"):
/// readers that only know scikit-learn's names skip it, and files without it still load.
/// Figures that are not finite (the first iteration's change) are written as null.
/// </summary>
internal static class ModelFileHistory
{
    public const string Name = "history";

    private static readonly string[] Columns =
        ["iteration", "log_likelihood", "change", "aic", "bic", "seconds"];

    /// <summary>Writes the member when the model has a history; nothing otherwise.</summary>
    public static void Write(Utf8JsonWriter writer, IReadOnlyList<IterationRecord> history)
    {
        if (history.Count == 0)
        {
            return;
        }

        writer.WriteStartObject(Name);
        Func<IterationRecord, double>[] values =
        [
            r => r.Iteration, r => r.LogLikelihood, r => r.Change, r => r.Aic, r => r.Bic,
            r => r.Duration.TotalSeconds,
        ];
        for (int c = 0; c < Columns.Length; c++)
        {
            writer.WriteStartArray(Columns[c]);
            foreach (IterationRecord record in history)
            {
                double value = values[c](record);
                if (double.IsFinite(value))
                {
                    writer.WriteNumberValue(value);
                }
                else
                {
                    writer.WriteNullValue();
                }
            }

            writer.WriteEndArray();
        }

        writer.WriteEndObject();
    }

    /// <summary>The member's records, oldest first; none when the file has no history.</summary>
    /// <exception cref="DataFormatException">The member is there but malformed.</exception>
    public static IterationRecord[] Read(string path, JsonElement root)
    {
        if (!root.TryGetProperty(Name, out JsonElement history)
            || history.ValueKind == JsonValueKind.Null)
        {
            return [];
        }

        if (history.ValueKind != JsonValueKind.Object)
        {
            throw new DataFormatException(
                $"{path}: \"{Name}\" is {history.ValueKind}; expected an object of arrays.");
        }

        var columns = new double[Columns.Length][];
        for (int c = 0; c < Columns.Length; c++)
        {
            columns[c] = Column(path, history, Columns[c]);
            if (columns[c].Length != columns[0].Length)
            {
                throw new DataFormatException($"{path}: {Name}.{Columns[c]} has "
                    + $"{columns[c].Length} values but {Name}.{Columns[0]} has "
                    + $"{columns[0].Length}.");
            }
        }

        var records = new IterationRecord[columns[0].Length];
        for (int i = 0; i < records.Length; i++)
        {
            double iteration = columns[0][i];
            if (!(iteration >= 1 && iteration <= int.MaxValue && iteration == Math.Floor(iteration)))
            {
                throw new DataFormatException(
                    $"{path}: {Name}.iteration[{i}] is {iteration}; expected an integer ≥ 1.");
            }

            double seconds = columns[5][i];
            records[i] = new IterationRecord((int)iteration, columns[1][i], columns[2][i],
                columns[3][i], columns[4][i],
                double.IsFinite(seconds) && seconds >= 0
                    ? TimeSpan.FromSeconds(seconds) : TimeSpan.Zero);
        }

        return records;
    }

    /// <summary>An array of numbers or nulls (NaN).</summary>
    private static double[] Column(string path, JsonElement history, string name)
    {
        if (!history.TryGetProperty(name, out JsonElement column)
            || column.ValueKind != JsonValueKind.Array)
        {
            throw new DataFormatException(
                $"{path}: \"{Name}\" has no array \"{name}\".");
        }

        var values = new double[column.GetArrayLength()];
        int i = 0;
        foreach (JsonElement item in column.EnumerateArray())
        {
            values[i] = item.ValueKind switch
            {
                JsonValueKind.Number => item.GetDouble(),
                JsonValueKind.Null => double.NaN,
                _ => throw new DataFormatException(
                    $"{path}: {Name}.{name}[{i}] is {item.GetRawText()}; expected a number."),
            };
            i++;
        }

        return values;
    }
}
