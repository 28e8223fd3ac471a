using System.Text.Json;
using GmmGpu.Data;

namespace GmmGpu.ModelFiles;

/// <summary>
/// The JSON model file: format "gmmgpu-model", version 1, with scikit-learn's attribute names
/// and shapes (weights_ (K), means_ (K, D), covariances_ and precisions_cholesky_ per covariance
/// type). Numbers are written in their shortest round-trip form, so a model reloads bit-exact.
/// </summary>
internal static class ModelFile
{
    public const string Format = "gmmgpu-model";
    public const int Version = 1;

    private static readonly string[] TypeNames = ["full", "tied", "diag", "spherical"];

    /// <summary>The file's name for a covariance type: full, tied, diag or spherical.</summary>
    public static string TypeName(CovarianceType type) => TypeNames[(int)type];

    /// <summary>Parses full, tied, diag or spherical (case-insensitive); null if unknown.</summary>
    public static CovarianceType? ParseType(string name)
    {
        int index = System.Array.FindIndex(
            TypeNames, n => string.Equals(n, name, StringComparison.OrdinalIgnoreCase));
        return index < 0 ? null : (CovarianceType)index;
    }

    /// <summary>Writes to a temporary file beside <paramref name="path"/>, then moves it.</summary>
    /// <exception cref="IOException">The folder does not exist or cannot be written.</exception>
    public static void Save(GaussianMixtureModel model, string path)
    {
        string full = Path.GetFullPath(path);
        string folder = Path.GetDirectoryName(full) ?? ".";
        if (!Directory.Exists(folder))
        {
            throw new DirectoryNotFoundException(
                $"Cannot write {path}: the folder {folder} does not exist.");
        }

        string temporary =
            Path.Combine(folder, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write))
            {
                using (var writer = new Utf8JsonWriter(stream))
                {
                    Write(writer, model);
                }

                stream.Flush(flushToDisk: true);
            }

            File.Move(temporary, full, overwrite: true);
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }
    }

    /// <summary>Reads and validates a model file.</summary>
    /// <exception cref="DataFormatException">The file is missing or not a valid model.</exception>
    public static GaussianMixtureModel Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new DataFormatException($"{path} does not exist.");
        }

        try
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(path));
            return Read(path, document.RootElement);
        }
        catch (JsonException ex)
        {
            throw new DataFormatException($"{path} is not valid JSON: {ex.Message}", ex);
        }
        catch (ArgumentException ex)
        {
            throw new DataFormatException($"{path} holds an invalid model: {ex.Message}", ex);
        }
    }

    private static void Write(Utf8JsonWriter writer, GaussianMixtureModel model)
    {
        MixtureParameters p = model.Parameters;
        int k = p.Components, d = p.Dimensions;
        int[] covarianceShape = CovarianceShape(p.CovarianceType, k, d);
        writer.WriteStartObject();
        writer.WriteString("format", Format);
        writer.WriteNumber("version", Version);
        writer.WriteString("covariance_type", TypeName(p.CovarianceType));
        writer.WriteNumber("n_components", k);
        writer.WriteNumber("n_features", d);
        WriteArray(writer, "weights_", p.WeightsArray, [k]);
        WriteArray(writer, "means_", p.MeansArray, [k, d]);
        WriteArray(writer, "covariances_", p.CovariancesArray, covarianceShape);
        WriteArray(writer, "precisions_cholesky_", p.PrecisionsCholeskyArray, covarianceShape);
        writer.WriteBoolean("converged_", model.Converged);
        writer.WriteNumber("n_iter_", model.Iterations);
        if (double.IsFinite(model.LowerBound))
        {
            writer.WriteNumber("lower_bound_", model.LowerBound);
        }
        else
        {
            writer.WriteNull("lower_bound_");
        }

        ModelFileHistory.Write(writer, model.History);
        writer.WriteEndObject();
    }

    private static void WriteArray(Utf8JsonWriter writer, string name, double[] values, int[] shape)
    {
        writer.WritePropertyName(name);
        int offset = 0;
        WriteNested(writer, values, shape, 0, ref offset);
    }

    private static void WriteNested(
        Utf8JsonWriter writer, double[] values, int[] shape, int axis, ref int offset)
    {
        writer.WriteStartArray();
        for (int i = 0; i < shape[axis]; i++)
        {
            if (axis == shape.Length - 1)
            {
                writer.WriteNumberValue(values[offset++]);
            }
            else
            {
                WriteNested(writer, values, shape, axis + 1, ref offset);
            }
        }

        writer.WriteEndArray();
    }

    private static GaussianMixtureModel Read(string path, JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new DataFormatException($"{path}: a model file holds one JSON object.");
        }

        string format = Property(path, root, "format", JsonValueKind.String).GetString() ?? "";
        if (format != Format)
        {
            throw new DataFormatException(
                $"{path}: \"format\" is \"{format}\"; expected \"{Format}\".");
        }

        int version = Integer(path, root, "version");
        if (version != Version)
        {
            throw new DataFormatException(
                $"{path}: model file version {version} is not supported (version {Version} is).");
        }

        string typeName =
            Property(path, root, "covariance_type", JsonValueKind.String).GetString()!;
        CovarianceType type = ParseType(typeName) ?? throw new DataFormatException(
            $"{path}: unknown covariance_type \"{typeName}\"; "
            + "expected full, tied, diag or spherical.");
        int k = Integer(path, root, "n_components");
        int d = Integer(path, root, "n_features");
        if (k < 1 || d < 1)
        {
            throw new DataFormatException(
                $"{path}: n_components = {k} and n_features = {d} must both be ≥ 1.");
        }

        int[] covarianceShape = CovarianceShape(type, k, d);
        double[] weights = ReadArray(path, root, "weights_", [k]);
        double[] means = ReadArray(path, root, "means_", [k, d]);
        double[] covariances = ReadArray(path, root, "covariances_", covarianceShape);
        _ = ReadArray(path, root, "precisions_cholesky_", covarianceShape);
        bool converged = Property(path, root, "converged_", JsonValueKind.True, JsonValueKind.False)
            .GetBoolean();
        int iterations = Integer(path, root, "n_iter_");
        JsonElement bound =
            Property(path, root, "lower_bound_", JsonValueKind.Number, JsonValueKind.Null);
        double lowerBound = bound.ValueKind == JsonValueKind.Null ? double.NaN : bound.GetDouble();

        // The public constructor validates (and renormalises the weights); the model keeps the
        // stored values bit-exact, with the precisions recomputed from the covariances.
        _ = new MixtureParameters(type, k, d, weights, means, covariances);
        MixtureParameters parameters = MixtureParameters.FromEstimate(
            type, k, d, weights, means, covariances, regCovar: 0);
        return new GaussianMixtureModel(parameters, converged, iterations, lowerBound,
            ModelFileHistory.Read(path, root));
    }

    private static int[] CovarianceShape(CovarianceType type, int k, int d) => type switch
    {
        CovarianceType.Full => [k, d, d],
        CovarianceType.Tied => [d, d],
        CovarianceType.Diagonal => [k, d],
        _ => [k],
    };

    private static JsonElement Property(
        string path, JsonElement root, string name, params JsonValueKind[] kinds)
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

    private static int Integer(string path, JsonElement root, string name)
    {
        JsonElement value = Property(path, root, name, JsonValueKind.Number);
        return value.TryGetInt32(out int result) ? result : throw new DataFormatException(
            $"{path}: \"{name}\" is {value.GetRawText()}; expected an integer.");
    }

    private static double[] ReadArray(string path, JsonElement root, string name, int[] expected)
    {
        JsonElement value = Property(path, root, name, JsonValueKind.Array);
        var actual = new List<int>();
        for (JsonElement e = value;
            e.ValueKind == JsonValueKind.Array;
            e = e.EnumerateArray().FirstOrDefault())
        {
            actual.Add(e.GetArrayLength());
            if (e.GetArrayLength() == 0)
            {
                break;
            }
        }

        if (!actual.SequenceEqual(expected))
        {
            throw new DataFormatException(
                $"{path}: {name} has shape {ShapeText(actual)}; expected {ShapeText(expected)}.");
        }

        var values = new List<double>();
        Flatten(path, name, value, expected, 0, values);
        return values.ToArray();
    }

    private static void Flatten(
        string path, string name, JsonElement value, int[] shape, int axis, List<double> values)
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
                Flatten(path, name, item, shape, axis + 1, values);
            }
            else if (item.ValueKind == JsonValueKind.Number)
            {
                values.Add(item.GetDouble());
            }
            else
            {
                throw new DataFormatException(
                    $"{path}: {name}[{values.Count}] is {item.GetRawText()}; expected a number.");
            }
        }
    }

    private static string ShapeText(IReadOnlyList<int> shape) =>
        shape.Count == 1 ? $"({shape[0]},)" : $"({string.Join(", ", shape)})";
}
