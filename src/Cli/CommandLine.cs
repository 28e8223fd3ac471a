using System.Globalization;

namespace GmmGpu.Cli;

/// <summary>
/// A small argument parser: positional arguments, flags, and options with a value given as
/// <c>--name value</c> or <c>--name=value</c>. Unknown options and missing values are usage
/// errors.
/// </summary>
internal sealed class CommandLine
{
    private readonly Dictionary<string, string> values = new(StringComparer.Ordinal);
    private readonly HashSet<string> flags = new(StringComparer.Ordinal);

    private CommandLine(List<string> positional) => Positional = positional;

    /// <summary>The arguments that are not options, in order.</summary>
    public IReadOnlyList<string> Positional { get; }

    /// <summary>
    /// Parses <paramref name="args"/>. <paramref name="valueOptions"/> and
    /// <paramref name="flagOptions"/> list every spelling (e.g. "-k", "--components"); each
    /// alias maps to the canonical name that the getters take.
    /// </summary>
    public static CommandLine Parse(
        IReadOnlyList<string> args,
        IReadOnlyDictionary<string, string> valueOptions,
        IReadOnlyDictionary<string, string> flagOptions)
    {
        var positional = new List<string>();
        var line = new CommandLine(positional);
        for (int i = 0; i < args.Count; i++)
        {
            string arg = args[i];
            if (arg.Length < 2 || arg[0] != '-' || IsNumber(arg))
            {
                positional.Add(arg);
                continue;
            }

            int equals = arg.IndexOf('=', StringComparison.Ordinal);
            string name = equals > 0 ? arg[..equals] : arg;
            if (flagOptions.TryGetValue(name, out string? flag))
            {
                if (equals > 0)
                {
                    throw new UsageException($"option {name} takes no value");
                }

                line.flags.Add(flag);
            }
            else if (valueOptions.TryGetValue(name, out string? option))
            {
                string value;
                if (equals > 0)
                {
                    value = arg[(equals + 1)..];
                }
                else if (i + 1 < args.Count)
                {
                    value = args[++i];
                }
                else
                {
                    throw new UsageException($"option {name} needs a value");
                }

                if (!line.values.TryAdd(option, value))
                {
                    throw new UsageException($"option {name} is given twice");
                }
            }
            else
            {
                throw new UsageException($"unknown option {name}");
            }
        }

        return line;
    }

    public bool Has(string flag) => flags.Contains(flag);

    public string? Get(string option) => values.GetValueOrDefault(option);

    public int? GetInt(string option, int minimum)
    {
        if (Get(option) is not { } text)
        {
            return null;
        }

        // Whole numbers in exponent form (-n 1e9) are integers too.
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double x)
            || x != Math.Floor(x) || !double.IsFinite(x))
        {
            throw new UsageException($"{option} must be an integer, not \"{text}\"");
        }

        if (x < minimum)
        {
            throw new UsageException($"{option} must be ≥ {minimum}, not {text}");
        }

        return x <= int.MaxValue
            ? (int)x
            : throw new UsageException($"{option} must be at most {int.MaxValue}, not {text}");
    }

    /// <summary>A size in bytes: a number with an optional K, M, G or T (powers of 1024).</summary>
    public long? GetBytes(string option)
    {
        if (Get(option) is not { } text)
        {
            return null;
        }

        string digits = text.TrimEnd('B', 'b');
        int shift = digits.Length == 0 ? 0 : char.ToUpperInvariant(digits[^1]) switch
        {
            'K' => 10, 'M' => 20, 'G' => 30, 'T' => 40, _ => 0,
        };
        if (shift > 0)
        {
            digits = digits[..^1];
        }

        if (!double.TryParse(
                digits, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out double v)
            || !(v * Math.Pow(2, shift) is >= 1 and < long.MaxValue))
        {
            throw new UsageException(
                $"{option} must be a size of at least 1 byte such as 512M, 4G or 1000000, "
                + $"not \"{text}\"");
        }

        return (long)(v * Math.Pow(2, shift));
    }

    public double? GetDouble(string option, double minimum)
    {
        if (Get(option) is not { } text)
        {
            return null;
        }

        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double v)
            || !double.IsFinite(v))
        {
            throw new UsageException($"{option} must be a finite number, not \"{text}\"");
        }

        return v >= minimum
            ? v
            : throw new UsageException($"{option} must be ≥ {minimum}, not {text}");
    }

    /// <summary>The value among <paramref name="choices"/> (any case), or null if absent.</summary>
    public T? GetChoice<T>(string option, IReadOnlyDictionary<string, T> choices)
        where T : struct
    {
        if (Get(option) is not { } text)
        {
            return null;
        }

        foreach ((string name, T value) in choices)
        {
            if (string.Equals(name, text, StringComparison.OrdinalIgnoreCase))
            {
                return value;
            }
        }

        throw new UsageException(
            $"{option} must be one of {string.Join(", ", choices.Keys)}; not \"{text}\"");
    }

    private static bool IsNumber(string arg) =>
        double.TryParse(arg, NumberStyles.Float, CultureInfo.InvariantCulture, out _);
}
