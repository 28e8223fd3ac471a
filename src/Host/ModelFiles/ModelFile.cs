using System.Text.Json;
using GmmGpu.Covariance;
using GmmGpu.Files;

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

    /// <summary>Writes <paramref name="path"/> atomically (<see cref="OutputFile"/>).</summary>
    /// <exception cref="IOException">The folder does not exist or cannot be written.</exception>
    public static void Save(GaussianMixtureModel model, string path) =>
        OutputFile.Write(path, stream => Save(model, stream));

    /// <summary>Writes the model's JSON to <paramref name="stream"/> (left open).</summary>
    public static void Save(GaussianMixtureModel model, Stream stream)
    {
        using var writer = new Utf8JsonWriter(stream);
        Write(writer, model);
    }

    private static void Write(Utf8JsonWriter writer, GaussianMixtureModel model)
    {
        MixtureParameters p = model.Parameters;
        int k = p.Components, d = p.Dimensions;
        int[] covarianceShape = CovarianceModels.For(p.CovarianceType).Shape(k, d);
        writer.WriteStartObject();
        writer.WriteString("format", Format);
        writer.WriteNumber("version", Version);
        writer.WriteString("covariance_type", CovarianceModels.NameOf(p.CovarianceType));
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
}
