using System.Text.Json;
using GmmGpu.Data;

namespace GmmGpu.ModelFiles;

/// <summary>
/// The members of a model file's JSON object, read with checks: a required member that is
/// missing, or any member of the wrong kind or shape, throws a one-line
/// <see cref="DataFormatException"/> naming the file and the member.
/// </summary>
internal sealed class ModelJson(string path, JsonElement root)
{
    /// <summary>A string member that must be present.</summary>
    public string RequiredString(string name) =>
        Member(name, JsonValueKind.String).GetString()!;

    /// <summary>A string member, or null when absent.</summary>
    public string? OptionalString(string name) =>
        Has(name) ? RequiredString(name) : null;

    /// <summary>An integer member (in int's range), or null when absent.</summary>
    public int? OptionalInteger(string name)
    {
        if (!Has(name))
        {
            return null;
        }

        JsonElement value = Member(name, JsonValueKind.Number);
        return value.TryGetInt32(out int result) ? result : throw new DataFormatException(
            $"{path}: \"{name}\" is {value.GetRawText()}; expected an integer.");
    }

    /// <summary>A boolean member, or null when absent.</summary>
    public bool? OptionalBoolean(string name) =>
        Has(name) ? Member(name, JsonValueKind.True, JsonValueKind.False).GetBoolean() : null;

    /// <summary>A number member, or null when absent or JSON null.</summary>
    public double? OptionalNumber(string name)
    {
        if (!Has(name))
        {
            return null;
        }

        JsonElement value = Member(name, JsonValueKind.Number, JsonValueKind.Null);
        return value.ValueKind == JsonValueKind.Null ? null
            : value.TryGetDouble(out double number) ? number
            : throw new DataFormatException(
                $"{path}: \"{name}\" is {value.GetRawText()}; expected a float64 number.");
    }

    /// <summary>
    /// The shape of an array member that must be present: the length of the array, of its
    /// first item, of that item's first item, and so on.
    /// </summary>
    public IReadOnlyList<int> Shape(string name)
    {
        var shape = new List<int>();
        for (JsonElement e = Member(name, JsonValueKind.Array);
            e.ValueKind == JsonValueKind.Array;
            e = e.EnumerateArray().FirstOrDefault())
        {
            shape.Add(e.GetArrayLength());
            if (e.GetArrayLength() == 0)
            {
                break;
            }
        }

        return shape;
    }

    /// <summary>The numbers of an array member of shape <paramref name="expected"/>, flattened
    /// row-major.</summary>
    public double[] Array(string name, int[] expected)
    {
        IReadOnlyList<int> actual = Shape(name);
        if (!actual.SequenceEqual(expected))
        {
            throw new DataFormatException(
                $"{path}: {name} has shape {ShapeText(actual)}; expected {ShapeText(expected)}.");
        }

        var values = new List<double>();
        Flatten(name, root.GetProperty(name), expected, 0, values);
        return values.ToArray();
    }

    /// <summary>As <see cref="Array"/>, or null when the member is absent.</summary>
    public double[]? OptionalArray(string name, int[] expected) =>
        Has(name) ? Array(name, expected) : null;

    /// <summary>A shape as NumPy prints it: (3,) or (2, 3).</summary>
    public static string ShapeText(IReadOnlyList<int> shape) =>
        shape.Count == 1 ? $"({shape[0]},)" : $"({string.Join(", ", shape)})";

    private bool Has(string name) => root.TryGetProperty(name, out _);

    private JsonElement Member(string name, params JsonValueKind[] kinds)
    {
        if (!root.TryGetProperty(name, out JsonElement value))
        {
            throw new DataFormatException($"{path}: the model has no \"{name}\".");
        }

        if (System.Array.IndexOf(kinds, value.ValueKind) < 0)
        {
            throw new DataFormatException(
                $"{path}: \"{name}\" is {value.ValueKind}; expected {string.Join(" or ", kinds)}.");
        }

        return value;
    }

    private void Flatten(
        string name, JsonElement value, int[] shape, int axis, List<double> values)
    {
        if (value.ValueKind != JsonValueKind.Array || value.GetArrayLength() != shape[axis])
        {
            throw new DataFormatException(
                $"{path}: {name} is ragged; expected shape {ShapeText(shape)}.");
        }

        foreach (JsonElement item in value.EnumerateArray())
        {
            if (axis < shape.Length - 1)
            {
                Flatten(name, item, shape, axis + 1, values);
            }
            else if (item.ValueKind == JsonValueKind.Number
                && item.TryGetDouble(out double number) && double.IsFinite(number))
            {
                values.Add(number);
            }
            else
            {
                throw new DataFormatException(
                    $"{path}: {name}[{values.Count}] is {item.GetRawText()}; expected a finite "
                    + "number.");
            }
        }
    }
}
