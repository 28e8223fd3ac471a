using System.Globalization;

namespace GmmGpu.Viewer.Chart;

/// <summary>
/// Round tick values for an axis: every multiple of a step of 1, 2, 2.5 or 5 × 10^k inside
/// the range (so 0 is a tick whenever the range holds it), labelled with one number of
/// decimals, or with one shared power of ten when the numbers are huge or tiny.
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
    /// <exception cref="ArgumentOutOfRangeException">A bound is not finite, min &gt; max, or
    /// maxTicks &lt; 2.</exception>
    public static Ticks Create(double min, double max, int maxTicks, bool integers = false)
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
                    return Build(first, last, step, mantissa, k);
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

        double largest = values.Max(Math.Abs);
        int exponent = largest > 0 ? (int)Math.Floor(Math.Log10(largest)) : 0;
        // A shared power of ten for huge or tiny numbers, unless the mantissas would need many
        // digits (a narrow range far from 0, e.g. timestamps): then plain numbers.
        int sharedDecimals = Math.Max(0, exponent - k + (mantissa == 2.5 ? 1 : 0));
        bool scientific = (exponent >= 6 || exponent <= -4) && sharedDecimals <= 4;
        string[] labels = scientific
            ? [.. values.Select(v => Scientific(v, exponent, sharedDecimals))]
            : [.. values.Select(v => v.ToString("F" + decimals, CultureInfo.InvariantCulture))];
        return new Ticks(values, step, labels);
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
    IReadOnlyList<string> Labels);
