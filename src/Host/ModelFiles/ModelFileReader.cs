using System.Text.Json;
using GmmGpu.Covariance;
using GmmGpu.Data;

namespace GmmGpu.ModelFiles;

/// <summary>
/// Reads a model file as <see cref="ModelFile"/> writes it or as a scikit-learn user dumps a
/// fitted GaussianMixture's attributes with <c>json.dump</c>. Only what defines the model is
/// required: covariance_type, weights_ (K), means_ (K, D), and covariances_ or
/// precisions_cholesky_ (when both are given they must describe the same covariances). format,
/// version, n_components, n_features and n_features_in_ are checked when present; converged_,
/// n_iter_ and lower_bound_ are optional; any other key is ignored.
/// </summary>
internal static class ModelFileReader
{
    /// <summary>
    /// The largest model file read, in bytes: about 40 million numbers, a full model of
    /// K = 1000 components in D = 140 features (covariances and their Cholesky factors).
    /// </summary>
    public const long MaxBytes = 1L << 30;

    private static readonly byte[] Utf8Mark = [0xEF, 0xBB, 0xBF];

    /// <summary>Reads and validates a model file.</summary>
    /// <exception cref="DataFormatException">The file is missing, too large or not a valid
    /// model; the message names the file and the problem.</exception>
    public static GaussianMixtureModel Load(string path)
    {
        ReadOnlyMemory<byte> json = ReadBytes(path);

        // A UTF-8 byte-order mark (Windows editors write one) is not JSON but means no harm.
        if (json.Span.StartsWith(Utf8Mark))
        {
            json = json[Utf8Mark.Length..];
        }

        try
        {
            using var document = JsonDocument.Parse(json);
            return Read(path, document.RootElement);
        }
        catch (JsonException ex)
        {
            throw new DataFormatException($"{path} is not valid JSON: {ex.Message}", ex);
        }
        catch (ArgumentException ex)
        {
            // The model's checks name their parameter; in a file's message the file says where.
            string reason = ex.ParamName is { } name
                ? ex.Message.Replace($" (Parameter '{name}')", "", StringComparison.Ordinal)
                : ex.Message;
            throw new DataFormatException($"{path} holds an invalid model: {reason}", ex);
        }
    }

    /// <summary>The bytes of the file, at most <see cref="MaxBytes"/> of them.</summary>
    private static ReadOnlyMemory<byte> ReadBytes(string path)
    {
        DataReader.CheckFile(path, columns: null);
        try
        {
            // A pipe or a device has no length to check up front: it is read up to the bound.
            using var stream = new FileStream(
                path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16,
                FileOptions.SequentialScan);
            if (stream.CanSeek && stream.Length > MaxBytes)
            {
                throw TooLarge(path);
            }

            using var buffer = new MemoryStream();
            var chunk = new byte[1 << 16];
            int read;
            while ((read = stream.Read(chunk)) > 0)
            {
                if (buffer.Length == 0 && !LooksLikeJson(chunk.AsSpan(0, read)))
                {
                    throw new DataFormatException(
                        $"{path} is not a model file: a model file is one JSON object, "
                        + "starting with '{'.");
                }

                if (buffer.Length + read > MaxBytes)
                {
                    throw TooLarge(path);
                }

                buffer.Write(chunk, 0, read);
            }

            return buffer.GetBuffer().AsMemory(0, (int)buffer.Length);
        }
        catch (Exception error) when (DataReader.IsReadError(error))
        {
            throw DataReader.CannotRead(path, error);
        }
    }

    /// <summary>
    /// Whether the first bytes can start a JSON text: white space and a byte-order mark aside,
    /// any character but a control one (a binary file or a device such as /dev/zero is not).
    /// </summary>
    private static bool LooksLikeJson(ReadOnlySpan<byte> start)
    {
        ReadOnlySpan<byte> text = start.StartsWith(Utf8Mark) ? start[Utf8Mark.Length..] : start;
        int first = text.IndexOfAnyExcept(" \t\r\n"u8);
        return first < 0 || text[first] >= 0x20;
    }

    private static DataFormatException TooLarge(string path) =>
        new($"{path} is larger than {MaxBytes >> 20} MiB, far more than a model file holds; "
            + "is it the right file?");

    private static GaussianMixtureModel Read(string path, JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new DataFormatException($"{path}: a model file holds one JSON object.");
        }

        var file = new ModelJson(path, root);
        if (file.OptionalString("format") is { } format && format != ModelFile.Format)
        {
            throw new DataFormatException(
                $"{path}: \"format\" is \"{format}\"; expected \"{ModelFile.Format}\".");
        }

        if (file.OptionalInteger("version") is { } version && version != ModelFile.Version)
        {
            throw new DataFormatException(
                $"{path}: model file version {version} is not supported "
                + $"(version {ModelFile.Version} is).");
        }

        string typeName = file.RequiredString("covariance_type");
        CovarianceType type = CovarianceModels.Parse(typeName) ?? throw new DataFormatException(
            $"{path}: unknown covariance_type \"{typeName}\"; "
            + "expected full, tied, diag or spherical.");

        // K and D come from n_components and n_features when the file gives them, else from
        // means_; every array is then checked against them.
        IReadOnlyList<int> meansShape = file.Shape("means_");
        int k = file.OptionalInteger("n_components") ?? meansShape[0];
        int d = file.OptionalInteger("n_features")
            ?? (meansShape.Count == 2 ? meansShape[1] : file.OptionalInteger("n_features_in_"))
            ?? throw new DataFormatException(
                $"{path}: means_ has shape {ModelJson.ShapeText(meansShape)}; expected "
                + "(n_components, n_features).");
        if (k < 1 || d < 1)
        {
            throw new DataFormatException(
                $"{path}: n_components = {k} and n_features = {d} must both be ≥ 1.");
        }

        if (file.OptionalInteger("n_features_in_") is { } featuresIn && featuresIn != d)
        {
            throw new DataFormatException(
                $"{path}: n_features_in_ is {featuresIn} but the model has {d} features.");
        }

        int[] covarianceShape = CovarianceModels.For(type).Shape(k, d);
        double[] means = file.Array("means_", [k, d]);
        double[] weights = file.Array("weights_", [k]);
        double[]? covariances = file.OptionalArray("covariances_", covarianceShape);
        double[]? precisionsCholesky =
            file.OptionalArray("precisions_cholesky_", covarianceShape);
        covariances ??= precisionsCholesky is null
            ? throw new DataFormatException(
                $"{path}: the model has neither covariances_ nor precisions_cholesky_; give "
                + "either, in scikit-learn's shape.")
            : PrecisionCholeskyForms.ToCovariances(path, type, precisionsCholesky, d);

        // The public constructor validates (and renormalises the weights); the model keeps the
        // stored values bit-exact, with the precisions computed from the covariances.
        _ = new MixtureParameters(type, k, d, weights, means, covariances);
        MixtureParameters parameters = MixtureParameters.FromEstimate(
            type, k, d, weights, means, covariances, regCovar: 0);
        if (precisionsCholesky is not null)
        {
            PrecisionCholeskyForms.CheckAgreement(path, parameters, precisionsCholesky);
        }

        return new GaussianMixtureModel(
            parameters,
            file.OptionalBoolean("converged_") ?? false,
            file.OptionalInteger("n_iter_") ?? 0,
            file.OptionalNumber("lower_bound_") ?? double.NaN,
            ModelFileHistory.Read(path, root));
    }
}
