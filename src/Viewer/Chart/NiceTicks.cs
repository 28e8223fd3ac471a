using System.Globalization;

namespace GmmGpu.Viewer.Chart;

/// <summary>
/// Round tick values for an axis: every multiple of a step of 1, 2, 2.5 or 5 × 10^k inside
/// the range (so 0 is a tick whenever the range holds it), labelled with one number of
/// decimals, or with one shared power of ten when the numbers are huge or tiny; a narrow range
/// far from 0 may be labelled from an offset, and huge or tiny ones in units of a power of ten,
/// that the axis shows once, as matplotlib's ScalarFormatter does ("0, 400, 800" and
/// "+2.004e6", or "1.95, 2.00" and "×1e6", at the axis' end).
/// </summary>
internal static class NiceTicks
{
    private static readonly double[] Mantissas = [1, 2, 2.5, 5];

    /// <summary>
    /// The ticks of [<paramref name="min"/>, <paramref name="max"/>]: the finest round step that
    /// gives at most <paramref name="maxTicks"/> (≥ 2) ticks. A single value (min = max) gets
    /// ticks around it.
    /// </summary>
    /// <param name="integers">Only whole-number steps (iterations, counts).</param>
    /// <param name="offset">Whether the labels may count from a <see cref="Ticks.Offset"/>
    /// in units of a <see cref="Ticks.Scale"/> (the caller then shows
    /// <see cref="Ticks.Note"/>): an offset when every tick shares its leading digits and
    /// labels of 6 or more characters come out 3 or more shorter, else a scale for labels that
    /// would each carry one power of ten.</param>
    /// <exception cref="ArgumentOutOfRangeException">A bound is not finite, min &gt; max, or
    /// maxTicks &lt; 2.</exception>
    public static Ticks Create(
        double min, double max, int maxTicks, bool integers = false, bool offset = false)
    {
        if (!double.IsFinite(min) || !double.IsFinite(max) || min > max)
        {
            throw new ArgumentOutOfRangeException(nameof(min),
                $"tick range [{min}, {max}] is not a finite range with min <= max.");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(maxTicks, 2);
        if (min == max)
        {
            double half = min == 0 ? 1 : Math.Abs(min) * 0.1;
            (min, max) = (min - half, max + half);
        }

        int k = (int)Math.Floor(Math.Log10((max - min) / maxTicks)) - 1;
        while (true)
        {
            foreach (double mantissa in Mantissas)
            {
                double step = mantissa * Math.Pow(10, k);
                if (integers && (step < 1 || step != Math.Floor(step)))
                {
                    continue;
                }

                double first = Math.Ceiling((min / step) - 1e-9);
                double last = Math.Floor((max / step) + 1e-9);
                if (last - first + 1 <= maxTicks)
                {
                    Ticks ticks = Build(first, last, step, mantissa, k);
                    return offset ? WithNote(ticks, mantissa, k) : ticks;
                }
            }

            k++;
        }
    }

    /// <summary>
    /// Edges of filled levels from 0 to the first edge at or above <paramref name="max"/>
    /// (&gt; 0): the finest round step that needs at most <paramref name="maxLevels"/> levels.
    /// </summary>
    public static Ticks Levels(double max, int maxLevels)
    {
        if (!(max > 0) || !double.IsFinite(max))
        {
            throw new ArgumentOutOfRangeException(nameof(max), $"level maximum {max} is not > 0.");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(maxLevels, 1);
        for (int k = (int)Math.Floor(Math.Log10(max / maxLevels)) - 1; ; k++)
        {
            foreach (double mantissa in Mantissas)
            {
                double step = mantissa * Math.Pow(10, k);
                double levels = Math.Ceiling((max / step) - 1e-9);
                if (levels <= maxLevels)
                {
                    return Build(0, levels, step, mantissa, k);
                }
            }
        }
    }

    private static Ticks Build(double first, double last, double step, double mantissa, int k)
    {
        int decimals = Math.Max(0, -k + (mantissa == 2.5 ? 1 : 0));
        var values = new double[(int)(last - first) + 1];
        for (int i = 0; i < values.Length; i++)
        {
            // Rounded to the step's decimals, so 3 × 0.1 is 0.3 and -0 is 0.
            double v = (first + i) * step;
            values[i] = decimals <= 15 ? Math.Round(v, decimals) + 0.0 : v;
        }

        return new Ticks(values, step, Labels(values, mantissa, k));
    }

    /// <summary>Labels of <paramref name="values"/>, multiples of mantissa × 10^k.</summary>
    private static string[] Labels(IReadOnlyList<double> values, double mantissa, int k)
    {
        int decimals = Math.Max(0, -k + (mantissa == 2.5 ? 1 : 0));
        double largest = values.Max(Math.Abs);
        int exponent = largest > 0 ? (int)Math.Floor(Math.Log10(largest)) : 0;
        // A shared power of ten for huge or tiny numbers, unless the mantissas would need many
        // digits (a narrow range far from 0, e.g. timestamps): then plain numbers.
        int sharedDecimals = Math.Max(0, exponent - k + (mantissa == 2.5 ? 1 : 0));
        bool scientific = (exponent >= 6 || exponent <= -4) && sharedDecimals <= 4;
        return scientific
            ? [.. values.Select(v => Scientific(v, exponent, sharedDecimals))]
            : [.. values.Select(v => v.ToString("F" + decimals, CultureInfo.InvariantCulture))];
    }

    /// <summary>
    /// <paramref name="ticks"/> labelled from an offset (see <see cref="WithOffset"/>), or
    /// else, when each label carries the same power of ten ("2.075e6"), without it and the
    /// power shown once ("2.075" and "×1e6"), as matplotlib does.
    /// </summary>
    private static Ticks WithNote(Ticks ticks, double mantissa, int k)
    {
        Ticks offset = WithOffset(ticks, mantissa, k);
        if (offset.Note is not null)
        {
            return offset;
        }

        double largest = ticks.Values.Max(Math.Abs);
        int exponent = largest > 0 ? (int)Math.Floor(Math.Log10(largest)) : 0;
        if (!ticks.Labels.All(l => l == "0" || l.EndsWith(
            "e" + exponent.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)))
        {
            return ticks;
        }

        int decimals = Math.Max(0, exponent - k + (mantissa == 2.5 ? 1 : 0));
        double scale = Math.Pow(10, exponent);
        string[] labels = [.. ticks.Values.Select(v =>
            (v / scale).ToString("F" + decimals, CultureInfo.InvariantCulture))];
        return new Ticks(ticks.Values, ticks.Step, labels)
        {
            Scale = scale,
            Note = "\u00d71e" + exponent.ToString(CultureInfo.InvariantCulture),
        };
    }

    /// <summary>
    /// <paramref name="ticks"/> labelled from the round number their values all start with, as
    /// matplotlib chooses it (the leading digits the smallest and largest share, with their
    /// sign), when labels of 6 or more characters come out 3 or more shorter ("2003750" as
    /// "3750" and "+2e6"; "1208" stays); else <paramref name="ticks"/>.
    /// </summary>
    private static Ticks WithOffset(Ticks ticks, double mantissa, int k)
    {
        double low = ticks.Values[0], high = ticks.Values[^1];
        if (low <= 0 && high >= 0)
        {
            return ticks;
        }

        double sign = Math.Sign(low), aMin = Math.Min(Math.Abs(low), Math.Abs(high));
        double aMax = Math.Max(Math.Abs(low), Math.Abs(high));
        // The lowest power of ten above which both ends have the same digits.
        int n = (int)Math.Floor(Math.Log10(aMax - aMin + ticks.Step));
        while (Math.Floor(aMin / Math.Pow(10, n)) != Math.Floor(aMax / Math.Pow(10, n)))
        {
            n++;
        }

        double offset = sign * Math.Floor(aMin / Math.Pow(10, n)) * Math.Pow(10, n);
        if (offset == 0)
        {
            return ticks;
        }

        int decimals = Math.Max(0, -k + (mantissa == 2.5 ? 1 : 0));
        double[] rest = [.. ticks.Values.Select(v =>
            decimals <= 15 ? Math.Round(v - offset, decimals) + 0.0 : v - offset)];
        string[] labels = Labels(rest, mantissa, k);
        int plain = ticks.Labels.Max(l => l.Length);
        if (plain < 6 || labels.Max(l => l.Length) + 3 > plain)
        {
            return ticks;
        }

        return new Ticks(ticks.Values, ticks.Step, labels)
        {
            Offset = offset,
            Note = (offset > 0 ? "+" : "-") + Shortest(Math.Abs(offset)),
        };
    }

    /// <summary>A positive round number in the fewest characters: 2e6, 2.004e6, 1200, 0.03.
    /// </summary>
    private static string Shortest(double value)
    {
        string plain = value.ToString("0.###############", CultureInfo.InvariantCulture);
        int exponent = (int)Math.Floor(Math.Log10(value));
        string mantissa = (value / Math.Pow(10, exponent)).ToString(
            "0.###############", CultureInfo.InvariantCulture);
        string scientific = mantissa + "e" + exponent.ToString(CultureInfo.InvariantCulture);
        return scientific.Length < plain.Length ? scientific : plain;
    }

    private static string Scientific(double value, int exponent, int decimals)
    {
        if (value == 0)
        {
            return "0";
        }

        double mantissa = value / Math.Pow(10, exponent);
        return mantissa.ToString("F" + decimals, CultureInfo.InvariantCulture) + "e"
            + exponent.ToString(CultureInfo.InvariantCulture);
    }
}

/// <summary>Tick values (ascending), their step, and their labels.</summary>
internal sealed record Ticks(IReadOnlyList<double> Values, double Step,
    IReadOnlyList<string> Labels)
{
    /// <summary>What each label counts from: a value is its label × <see cref="Scale"/> plus
    /// this; 0 for none.</summary>
    public double Offset { get; init; }

    /// <summary>What each label is in units of: a power of ten; 1 for none.</summary>
    public double Scale { get; init; } = 1;

    /// <summary>The offset ("+2.004e6") or scale ("×1e6") as the axis shows it once; null
    /// when the labels are the values.</summary>
    public string? Note { get; init; }
}
