using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using GmmGpu.Tests.Data;
using Xunit;

namespace GmmGpu.Tests.Cli;

/// <summary>
/// Random (seeded, reproducible) mutations of a valid .npy, CSV and model file fed to fit and
/// predict. Every run must end in exit 1 or 2 with one "gmm: error:" line (never an
/// "unexpected" exception), or exit 0 with finite output; no run may leave a temporary file.
/// </summary>
public class FuzzTests
{
    private const int CasesPerFile = 100;

    private static readonly string[] TextTokens =
    [
        "nan", "inf", "-inf", "1e39", "1e309", "-", ".", "e", "\"", ",", ";", "\t", " ",
        "\n", "\r\n", "\0", "x", "9999999999999999999999", "-0", "0x10", "\u00e9", "\ufeff",
    ];

    private static readonly string[] JsonTokens =
    [
        "null", "[]", "{}", "\"full\"", "\"x\"", "-1", "0", "1e309", "NaN", "1e-320", "[[", "]",
        "true", ",", ":", "\"diag\"", "\"tied\"", "\"spherical\"", "2147483648", "1.5",
    ];

    [Fact]
    public void MutatedInputs_FailCleanlyOrGiveFiniteOutput()
    {
        using var files = new TestFiles();
        string csv = files.WriteBlobs("base.csv", rows: 60);
        string npy = WriteNpy(files, csv);
        string model = files.PathOf("base.json");
        ToolCommandTests.Ok(CliResult.Run(
            "fit", csv, "-k", "3", "--seed", "1", "--device", "cpu", "-o", model, "--quiet"));
        byte[] npyBytes = File.ReadAllBytes(npy), csvBytes = File.ReadAllBytes(csv);
        byte[] modelBytes = File.ReadAllBytes(model);
        var failures = new List<string>();

        for (int i = 0; i < CasesPerFile; i++)
        {
            var random = new Random(i);
            string name = $"case{i}";
            byte[] data = MutateBinary(npyBytes, random, headerLength: 128);
            Check(failures, files, $"npy {i}", FitAndPredict(files, name + ".npy", data, model));
            data = MutateText(csvBytes, random, TextTokens);
            Check(failures, files, $"csv {i}", FitAndPredict(files, name + ".csv", data, model));
            data = random.Next(2) == 0
                ? MutateText(modelBytes, random, JsonTokens)
                : MutateJson(modelBytes, random);
            Check(failures, files, $"model {i}", Predict(files, name + ".json", data, csv));
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    /// <summary>Fits the mutated data, and predicts it with the base model.</summary>
    private static IEnumerable<(CliResult Result, string? Output, int K)> FitAndPredict(
        TestFiles files, string name, byte[] data, string model)
    {
        string path = files.PathOf(name);
        File.WriteAllBytes(path, data);
        string fitted = files.PathOf("fitted.json"), labels = files.PathOf("labels.csv");
        yield return (CliResult.Run("fit", path, "-k", "2", "--max-iter", "5", "--seed", "0",
            "--device", "cpu", "-o", fitted, "--quiet"), fitted, 2);
        yield return (CliResult.Run(
            "predict", model, path, "--device", "cpu", "-o", labels), labels, 3);
    }

    /// <summary>Predicts the base data with the mutated model.</summary>
    private static IEnumerable<(CliResult Result, string? Output, int K)> Predict(
        TestFiles files, string name, byte[] model, string csv)
    {
        string path = files.PathOf(name), labels = files.PathOf("labels.csv");
        File.WriteAllBytes(path, model);
        yield return (CliResult.Run(
            "predict", path, csv, "--device", "cpu", "-o", labels), labels, 0);
    }

    private static void Check(
        List<string> failures,
        TestFiles files,
        string label,
        IEnumerable<(CliResult Result, string? Output, int K)> runs)
    {
        foreach ((CliResult result, string? output, int k) in runs)
        {
            string? problem = Problem(result, output, k);
            string[] temporary = Directory.EnumerateFiles(files.Folder, "*.tmp").ToArray();
            if (temporary.Length > 0)
            {
                problem ??= $"left {string.Join(", ", temporary.Select(Path.GetFileName))}";
                Array.ForEach(temporary, File.Delete);
            }

            if (problem is not null)
            {
                failures.Add($"{label}: exit {result.ExitCode}: {problem}");
            }

            if (output is not null)
            {
                File.Delete(output);
            }
        }
    }

    private static string? Problem(CliResult result, string? output, int k)
    {
        string[] lines = result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        if (result.ExitCode is 1 or 2)
        {
            return lines.Length != 1 || !lines[0].StartsWith("gmm: error: ", StringComparison.Ordinal)
                ? $"stderr is not one error line: {result.Stderr.Trim()}"
                : lines[0].Contains("unexpected", StringComparison.Ordinal) ? lines[0]
                : output is not null && File.Exists(output) ? $"{output} written: {lines[0]}"
                : null;
        }

        if (result.ExitCode != 0)
        {
            return result.Stderr.Trim();
        }

        if (output is null || !File.Exists(output))
        {
            return "no output";
        }

        return output.EndsWith(".json", StringComparison.Ordinal)
            ? FiniteModel(output)
            : Labels(output, k);
    }

    private static string? FiniteModel(string path)
    {
        GaussianMixtureModel model = GaussianMixtureModel.Load(path);
        return model.Weights.Concat(model.Means).Concat(model.Covariances)
            .All(double.IsFinite) ? null : $"{path} holds a value that is not finite";
    }

    private static string? Labels(string path, int k)
    {
        int[] labels = ToolCommandTests.ReadColumn(path);
        return labels.Length == 0 || labels.Any(l => l < 0 || (k > 0 && l >= k))
            ? $"labels out of range: {string.Join(",", labels.Distinct())}"
            : null;
    }

    private static string WriteNpy(TestFiles files, string csv)
    {
        float[] values = File.ReadAllLines(csv).Skip(1)
            .SelectMany(line => line.Split(','))
            .Select(v => float.Parse(v, CultureInfo.InvariantCulture)).ToArray();
        return files.WriteNpy("base.npy", values, values.Length / 2, 2);
    }

    /// <summary>1–3 edits: flipped bytes (often in the header), cuts, inserts, truncation.</summary>
    private static byte[] MutateBinary(byte[] original, Random random, int headerLength)
    {
        var bytes = new List<byte>(original);
        for (int edit = random.Next(1, 4); edit > 0 && bytes.Count > 0; edit--)
        {
            int at = random.Next(2) == 0
                ? random.Next(Math.Min(headerLength, bytes.Count))
                : random.Next(bytes.Count);
            switch (random.Next(5))
            {
                case 0:
                    bytes[at] = (byte)random.Next(256);
                    break;
                case 1:
                    bytes.RemoveRange(at, Math.Min(random.Next(1, 16), bytes.Count - at));
                    break;
                case 2:
                    bytes.InsertRange(at, Enumerable.Range(0, random.Next(1, 9))
                        .Select(_ => (byte)random.Next(256)));
                    break;
                case 3:
                    bytes.RemoveRange(at, bytes.Count - at);
                    break;
                default:
                    bytes[at] = (byte)"0123456789(),:'<>fiFT "[random.Next(22)];
                    break;
            }
        }

        return [.. bytes];
    }

    /// <summary>
    /// 1–3 edits that keep the JSON valid: a value replaced by another token, a member removed,
    /// an array element removed or doubled.
    /// </summary>
    private static byte[] MutateJson(byte[] original, Random random)
    {
        JsonObject root = JsonNode.Parse(original)!.AsObject();
        for (int edit = random.Next(1, 4); edit > 0; edit--)
        {
            List<JsonNode> nodes = [root, .. Descendants(root)];
            JsonNode node = nodes[random.Next(nodes.Count)];
            JsonNode? parent = node.Parent;
            string token = JsonTokens[random.Next(JsonTokens.Length)];
            JsonNode? replacement = token is "NaN" or "[[" or "]" or "," or ":"
                ? JsonValue.Create(token)
                : JsonNode.Parse(token);
            switch (parent, random.Next(3))
            {
                case (JsonObject o, 0):
                    o.Remove(node.GetPropertyName());
                    break;
                case (JsonArray a, 0):
                    a.RemoveAt(node.GetElementIndex());
                    break;
                case (JsonArray a, 1):
                    a.Insert(node.GetElementIndex(), node.DeepClone());
                    break;
                case (JsonObject o, _):
                    o[node.GetPropertyName()] = replacement;
                    break;
                case (JsonArray a, _):
                    a[node.GetElementIndex()] = replacement;
                    break;
                default:
                    break;
            }
        }

        return Encoding.UTF8.GetBytes(root.ToJsonString());
    }

    private static IEnumerable<JsonNode> Descendants(JsonNode node)
    {
        IEnumerable<JsonNode?> children = node switch
        {
            JsonObject o => o.Select(pair => pair.Value),
            JsonArray a => a,
            _ => [],
        };
        foreach (JsonNode? child in children.Where(c => c is not null).ToArray())
        {
            yield return child!;
            foreach (JsonNode inner in Descendants(child!))
            {
                yield return inner;
            }
        }
    }

    /// <summary>1–3 edits: a token put in, a span cut, a span doubled, a byte changed.</summary>
    private static byte[] MutateText(byte[] original, Random random, string[] tokens)
    {
        var bytes = new List<byte>(original);
        for (int edit = random.Next(1, 4); edit > 0 && bytes.Count > 0; edit--)
        {
            int at = random.Next(bytes.Count);
            int length = Math.Min(random.Next(1, 24), bytes.Count - at);
            switch (random.Next(5))
            {
                case 0:
                    bytes.InsertRange(at, Encoding.UTF8.GetBytes(tokens[random.Next(tokens.Length)]));
                    break;
                case 1:
                    bytes.RemoveRange(at, length);
                    bytes.InsertRange(at, Encoding.UTF8.GetBytes(tokens[random.Next(tokens.Length)]));
                    break;
                case 2:
                    bytes.RemoveRange(at, length);
                    break;
                case 3:
                    bytes.InsertRange(at, bytes.GetRange(at, length));
                    break;
                default:
                    bytes[at] = (byte)random.Next(256);
                    break;
            }
        }

        return [.. bytes];
    }
}
