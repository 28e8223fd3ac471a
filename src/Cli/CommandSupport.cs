using System.Globalization;
using System.Text;
using System.Text.Json;

namespace GmmGpu.Cli;

/// <summary>What every command shares: option tables, --device, one-JSON-object output.</summary>
internal static class CommandSupport
{
    public static readonly Dictionary<string, ComputeDevice> Devices = new()
    {
        ["auto"] = ComputeDevice.Auto, ["cuda"] = ComputeDevice.Cuda,
        ["opencl"] = ComputeDevice.OpenCL, ["ilgpu-cpu"] = ComputeDevice.IlgpuCpu,
        ["cpu"] = ComputeDevice.Cpu,
    };

    public static readonly Dictionary<string, CovarianceType> CovarianceTypes = new()
    {
        ["full"] = CovarianceType.Full, ["tied"] = CovarianceType.Tied,
        ["diag"] = CovarianceType.Diagonal, ["spherical"] = CovarianceType.Spherical,
    };

    /// <summary>--json, --quiet and --help, plus the given flags ("--a|-b").</summary>
    public static Dictionary<string, string> Flags(params string[] specs) =>
        Table(["--json", "--quiet", "--help|-h", .. specs]);

    /// <summary>Options; each spec "--name|-alias" maps every spelling to the first.</summary>
    public static Dictionary<string, string> Table(params string[] specs)
    {
        var table = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (string spec in specs)
        {
            string[] names = spec.Split('|');
            foreach (string name in names)
            {
                table[name] = names[0];
            }
        }

        return table;
    }

    /// <summary>Parses; null when --help was given (the help is then written).</summary>
    public static CommandLine? Parse(
        IReadOnlyList<string> args,
        Dictionary<string, string> values,
        Dictionary<string, string> flags,
        string help,
        TextWriter stdout)
    {
        CommandLine line = CommandLine.Parse(args, values, flags);
        if (line.Has("--help"))
        {
            stdout.Write(help);
            return null;
        }

        return line;
    }

    public static void ExpectPositional(CommandLine line, string command, params string[] names)
    {
        if (line.Positional.Count != names.Length)
        {
            throw new UsageException(
                $"{command} takes {string.Join(" ", names)}"
                + (line.Positional.Count == 0 ? "" : $"; got {string.Join(" ", line.Positional)}"));
        }
    }

    public static string Required(CommandLine line, string option, string command) =>
        line.Get(option) ?? throw new UsageException($"{command} needs {option}");

    public static ComputeDevice Device(CommandLine line) =>
        line.GetChoice("--device", Devices) ?? ComputeDevice.Auto;

    public static string DeviceText(ComputeDevice device) =>
        Devices.First(pair => pair.Value == device).Key;

    public static IReadOnlyList<string>? Columns(CommandLine line) =>
        line.Get("--columns") is { } list ? Data.DataReader.SplitColumnList(list) : null;

    /// <summary>The extensions of table outputs (TableWriter).</summary>
    public static readonly string[] TableExtensions = [".csv", ".npy"];

    /// <summary>
    /// Checks before any long work starts that an output's folder exists and, when
    /// <paramref name="extensions"/> are given, that it has one of them.
    /// </summary>
    public static void CheckFolderExists(string? path, params string[] extensions)
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

        string folder = Path.GetDirectoryName(Path.GetFullPath(path)) ?? ".";
        if (!Directory.Exists(folder))
        {
            throw new DirectoryNotFoundException(
                $"cannot write {path}: the folder {folder} does not exist.");
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
