using System.Globalization;
using System.Text;
using System.Text.Json;
using GmmGpu.Cli.Parsing;
using GmmGpu.Data;
using GmmGpu.Files;

namespace GmmGpu.Cli;

/// <summary>What every command shares: output checks, one-JSON-object output.</summary>
internal static class CommandSupport
{
    public static string DeviceText(ComputeDevice device) =>
        GmmOptions.Devices.First(pair => pair.Value == device).Key;

    /// <summary>The extensions of table outputs (TableWriter).</summary>
    public static readonly string[] TableExtensions = [".csv", ".npy"];

    /// <summary>
    /// Checks before any long work starts that an output can be written (its folder exists and
    /// takes a file, it is not a folder: <see cref="OutputPaths.Check"/>) and, when
    /// <paramref name="extensions"/> are given, that it has one of them.
    /// </summary>
    public static void CheckOutput(string? path, params string[] extensions)
    {
        if (path is null)
        {
            return;
        }

        if (extensions.Length > 0
            && !extensions.Contains(Path.GetExtension(path), StringComparer.OrdinalIgnoreCase))
        {
            throw new UsageException(
                $"cannot write {path}: the output must end in {string.Join(" or ", extensions)}");
        }

        OutputPaths.Check(path);
    }

    /// <summary>
    /// Refuses data whose width is not the model's, naming both files and the data's columns
    /// (bad data: exit 1), before any work.
    /// </summary>
    /// <param name="columns">The data's column names, as read (after --columns).</param>
    public static void CheckFeatures(
        string dataPath, IReadOnlyList<string> columns, string modelPath, int modelFeatures)
    {
        if (columns.Count == modelFeatures)
        {
            return;
        }

        string shown = columns.Count <= 8 ? string.Join(", ", columns)
            : string.Join(", ", columns.Take(8)) + ", ...";
        string features = columns.Count == 1 ? "feature" : "features";
        throw new DataFormatException(Format(
            $"{dataPath} has {columns.Count} {features} ({shown}) but the model {modelPath} ")
            + Format($"was fitted on {modelFeatures}; choose {modelFeatures} with --columns."));
    }

    /// <summary>
    /// Refuses (a usage error) an output that is one of the <paramref name="inputs"/> or another
    /// output of the same command, however it is named (links, relative paths, hard links).
    /// </summary>
    /// <param name="inputs">The files the command reads (null entries are skipped).</param>
    /// <param name="outputs">Each output's option (as the user wrote it) and path.</param>
    public static void CheckDistinct(
        IReadOnlyList<string?> inputs, params (string Option, string? Path)[] outputs)
    {
        for (int i = 0; i < outputs.Length; i++)
        {
            if (outputs[i].Path is not { } output)
            {
                continue;
            }

            string? input =
                inputs.FirstOrDefault(p => p is not null && OutputPaths.SameFile(p, output));
            if (input is not null)
            {
                throw new UsageException(
                    $"{outputs[i].Option} {output} is the same file as the input {input}: "
                    + "writing it would destroy the input; give another output file");
            }

            for (int j = 0; j < i; j++)
            {
                if (outputs[j].Path is { } other && OutputPaths.SameFile(other, output))
                {
                    throw new UsageException(
                        $"{outputs[j].Option} {other} and {outputs[i].Option} {output} are the "
                        + "same file; give each output its own file");
                }
            }
        }
    }

    public static void WriteJson(TextWriter stdout, Action<Utf8JsonWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            write(json);
            json.WriteEndObject();
        }

        stdout.WriteLine(Encoding.UTF8.GetString(buffer.ToArray()));
    }

    public static void Number(Utf8JsonWriter json, string name, double value)
    {
        if (double.IsFinite(value))
        {
            json.WriteNumber(name, value);
        }
        else
        {
            json.WriteNull(name);
        }
    }

    public static string Format(FormattableString text) =>
        text.ToString(CultureInfo.InvariantCulture);
}
