using System.Globalization;

namespace GmmGpu.Cli.Parsing;

/// <summary>
/// Reads the text of an option's value; a wrong value is a <see cref="UsageException"/> whose
/// message names the option as the user wrote it.
/// </summary>
internal static class OptionValues
{
    /// <summary>A whole number ≥ <paramref name="minimum"/>; exponent form (1e6) counts.
    /// </summary>
    public static int Integer(string option, string text, int minimum)
    {
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

    /// <summary>A finite number ≥ <paramref name="minimum"/>.</summary>
    public static double Number(string option, string text, double minimum)
    {
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double v)
            || !double.IsFinite(v))
        {
            throw new UsageException($"{option} must be a finite number, not \"{text}\"");
        }

        return v >= minimum
            ? v
            : throw new UsageException($"{option} must be ≥ {minimum}, not {text}");
    }

    /// <summary>A size in bytes: a number with an optional K, M, G or T (powers of 1024).</summary>
    public static long Bytes(string option, string text)
    {
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

    /// <summary>The choice named <paramref name="text"/> (any case).</summary>
    public static Choice<T> Choice<T>(
        string option, string text, IReadOnlyDictionary<string, T> choices)
    {
        foreach ((string name, T value) in choices)
        {
            if (string.Equals(name, text, StringComparison.OrdinalIgnoreCase))
            {
                return new Choice<T>(name, value);
            }
        }

        throw new UsageException(
            $"{option} must be one of {string.Join(", ", choices.Keys)}; not \"{text}\"");
    }
}
