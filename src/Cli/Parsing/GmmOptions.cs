using System.CommandLine;
using System.CommandLine.Parsing;
using GmmGpu.Covariance;
using DeviceLists = GmmGpu.Backends.DeviceList;

namespace GmmGpu.Cli.Parsing;

/// <summary>
/// The options of the gmm commands: how each kind of value is read and checked, and the
/// options that several commands share (<c>--device</c>, <c>--seed</c>, <c>--covariance</c>,
/// <c>--reg-covar</c>, <c>--max-iter</c>, <c>-o</c>, <c>--columns</c>), defined here once.
/// </summary>
internal static class GmmOptions
{
    /// <summary>--device's choices: the backends by name.</summary>
    public static readonly IReadOnlyDictionary<string, ComputeDevice> Devices =
        new Dictionary<string, ComputeDevice>
        {
            ["auto"] = ComputeDevice.Auto, ["cuda"] = ComputeDevice.Cuda,
            ["opencl"] = ComputeDevice.OpenCL, ["ilgpu-cpu"] = ComputeDevice.IlgpuCpu,
            ["cpu"] = ComputeDevice.Cpu,
        };

    /// <summary>--covariance's choices: scikit-learn's names of the covariance types.</summary>
    public static readonly IReadOnlyDictionary<string, CovarianceType> CovarianceTypes =
        CovarianceModels.All.ToDictionary(model => model.Name, model => model.Type);

    /// <summary>
    /// An option with one value, read from its text by <paramref name="parse"/> (given the
    /// option as the user wrote it and the text); a <see cref="UsageException"/> from it is the
    /// parse error.
    /// </summary>
    public static Option<T> Parsed<T>(
        string name,
        string? helpName,
        string description,
        Func<string, string, T> parse,
        params string[] aliases) => new(name, aliases)
        {
            HelpName = helpName,
            Description = description,
            Arity = ArgumentArity.ExactlyOne,
            CustomParser = result => Read(result, parse),
        };

    /// <summary>A whole number ≥ <paramref name="minimum"/> (1e6 counts); null when absent.
    /// </summary>
    public static Option<int?> Integer(
        string name, string helpName, string description, int minimum, params string[] aliases)
        => Parsed<int?>(
            name, helpName, description, (o, t) => OptionValues.Integer(o, t, minimum), aliases);

    /// <summary>A whole number ≥ <paramref name="minimum"/>, <paramref name="defaultValue"/>
    /// when absent.</summary>
    public static Option<int> Integer(
        string name,
        string helpName,
        string description,
        int minimum,
        int defaultValue,
        params string[] aliases) => WithDefault(
            Parsed(name, helpName, description, (o, t) => OptionValues.Integer(o, t, minimum),
                aliases),
            defaultValue);

    /// <summary>A finite number ≥ <paramref name="minimum"/>; null when absent.</summary>
    public static Option<double?> Number(
        string name, string helpName, string description, double minimum) => Parsed<double?>(
            name, helpName, description, (o, t) => OptionValues.Number(o, t, minimum));

    /// <summary>A finite number ≥ <paramref name="minimum"/>, <paramref name="defaultValue"/>
    /// when absent.</summary>
    public static Option<double> Number(
        string name, string helpName, string description, double minimum, double defaultValue)
        => WithDefault(
            Parsed(name, helpName, description, (o, t) => OptionValues.Number(o, t, minimum)),
            defaultValue);

    /// <summary>
    /// One of <paramref name="choices"/> (any case), offered to shell completion and listed in
    /// help; null when absent.
    /// </summary>
    public static Option<Choice<T>?> OneOf<T>(
        string name,
        string description,
        IReadOnlyDictionary<string, T> choices,
        params string[] aliases)
        where T : struct
    {
        Option<Choice<T>?> option = Parsed<Choice<T>?>(
            name, null, description, (o, t) => OptionValues.Choice(o, t, choices), aliases);
        Complete(option, choices.Keys);
        return option;
    }

    /// <summary>One of <paramref name="choices"/> (any case), <paramref name="defaultValue"/>
    /// when absent.</summary>
    public static Option<Choice<T>> OneOf<T>(
        string name,
        string description,
        IReadOnlyDictionary<string, T> choices,
        T defaultValue)
    {
        Option<Choice<T>> option = Parsed(
            name, null, description, (o, t) => OptionValues.Choice(o, t, choices));
        Complete(option, choices.Keys);
        string defaultName = choices.First(
            pair => EqualityComparer<T>.Default.Equals(pair.Value, defaultValue)).Key;
        return WithDefault(option, new Choice<T>(defaultName, defaultValue));
    }

    /// <summary>A file the command reads, given by position (DATA, MODEL, IMAGE).</summary>
    public static Argument<string> File(string name, string description) =>
        new(name) { Description = description };

    /// <summary>
    /// Makes <paramref name="names"/> the values shell completion offers and help lists (in
    /// place of an enum's member names, which System.CommandLine offers by itself).
    /// </summary>
    public static void Complete(Option option, IEnumerable<string> names)
    {
        ArgumentNullException.ThrowIfNull(option);
        option.CompletionSources.Clear();
        option.CompletionSources.Add([.. names]);
    }

    /// <summary>A flag: present or not.</summary>
    public static Option<bool> Flag(string name, string description) =>
        new(name) { Description = description };

    /// <summary>A text value (a file, a list) taken as it is; null when absent.</summary>
    public static Option<string?> Text(
        string name, string helpName, string description, params string[] aliases) =>
        new(name, aliases) { HelpName = helpName, Description = description };

    /// <summary>--device: the backend to compute on (default auto).</summary>
    /// <param name="lists">
    /// Whether several devices side by side are allowed (<c>cuda:all</c>, <c>cpu,ilgpu-cpu</c>):
    /// the value's <see cref="Choice{T}.Name"/> is then the list as written, and its value auto.
    /// </param>
    public static Option<Choice<ComputeDevice>> Device(bool lists = false)
    {
        Option<Choice<ComputeDevice>> device = OneOf(
            "--device",
            "the backend: auto picks CUDA, else a GPU OpenCL device, else cpu",
            Devices,
            ComputeDevice.Auto);
        if (lists)
        {
            device.Description = "the backend (auto: CUDA, else a GPU OpenCL device, else "
                + "cpu), or several side by side: cuda:all, cuda:0,cuda:1, cpu,ilgpu-cpu";
            device.CustomParser = result => Read(result, DeviceOrList);
        }

        return device;
    }

    /// <summary>--seed: the seed of every random choice; null (random) when absent.</summary>
    public static Option<int?> Seed(string description = "seed of every random choice "
        + "(default: random)") => Integer("--seed", "S", description, int.MinValue);

    /// <summary>--seed with a fixed default, so that a run repeats.</summary>
    public static Option<int> Seed(int defaultValue, string description = "seed") =>
        Integer("--seed", "S", description, int.MinValue, defaultValue);

    /// <summary>--covariance: the covariance type; null when absent.</summary>
    public static Option<Choice<CovarianceType>?> Covariance(string description) =>
        OneOf("--covariance", description, CovarianceTypes);

    /// <summary>--reg-covar: added to every covariance's diagonal.</summary>
    public static Option<double> RegCovar(double defaultValue, string why = "") => Number(
        "--reg-covar", "R", "added to every covariance's diagonal, ≥ 0" + why, 0, defaultValue);

    /// <summary>--max-iter: the most EM iterations of a fit.</summary>
    public static Option<int> MaxIter(string description = "most EM iterations, ≥ 1") =>
        Integer("--max-iter", "M", description, 1, 100);

    /// <summary>-o, --output: the file a command writes; null when absent.</summary>
    /// <param name="required">Whether the command cannot run without it.</param>
    public static Option<string?> Output(string helpName, string description, bool required)
    {
        Option<string?> output = Text("--output", helpName, description, "-o");
        output.Required = required;
        return output;
    }

    /// <summary>--columns: the data's columns to use, by header name or 0-based index.</summary>
    public static Option<IReadOnlyList<string>?> Columns() => Parsed<IReadOnlyList<string>?>(
        "--columns",
        "A,B",
        "columns to use, by header name or 0-based index (default: all)",
        (_, text) => Data.DataReader.SplitColumnList(text));

    private static Option<T> WithDefault<T>(Option<T> option, T value)
    {
        option.DefaultValueFactory = _ => value;
        return option;
    }

    private static Choice<ComputeDevice> DeviceOrList(string option, string text)
    {
        if (!DeviceLists.IsList(text))
        {
            return OptionValues.Choice(option, text, Devices);
        }

        try
        {
            DeviceLists.Validate(text);
        }
        catch (ArgumentException error)
        {
            throw new UsageException($"{option}: {error.Message}", error);
        }

        return new Choice<ComputeDevice>(text, ComputeDevice.Auto);
    }

    private static T? Read<T>(ArgumentResult result, Func<string, string, T> parse)
    {
        string option = (result.Parent as OptionResult)?.IdentifierToken?.Value
            ?? result.Argument.Name;
        try
        {
            return parse(option, result.Tokens[0].Value);
        }
        catch (UsageException error)
        {
            result.AddError(error.Message);
            return default;
        }
    }
}
