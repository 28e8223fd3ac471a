using System.Globalization;
using GmmGpu.Viewer.Chart;
using Xunit;

namespace GmmGpu.Tests.Viewer;

public sealed class NiceTicksTests
{
    [Theory]
    [InlineData(-12.3, 6.6, 10, 2.0, "-12", "6")]
    [InlineData(0, 1, 6, 0.2, "0.0", "1.0")]
    [InlineData(0.013, 0.987, 5, 0.2, "0.2", "0.8")]
    [InlineData(-3.7, -0.2, 8, 0.5, "-3.5", "-0.5")]
    [InlineData(12_000, 97_000, 5, 20_000, "20000", "80000")]
    [InlineData(2.3e-7, 9.1e-7, 5, 2e-7, "4e-7", "8e-7")]
    [InlineData(1.2e9, 8.9e9, 5, 2e9, "2e9", "8e9")]
    public void Create_Range_GivesRoundStepAndLabels(
        double min, double max, int most, double step, string first, string last)
    {
        Ticks ticks = NiceTicks.Create(min, max, most);

        Assert.Equal(step, ticks.Step, step * 1e-9);
        Assert.Equal(first, ticks.Labels[0]);
        Assert.Equal(last, ticks.Labels[^1]);
        AssertRoundAndInside(ticks, min, max, most);
    }

    [Theory]
    [InlineData(-12.3, 6.6)]
    [InlineData(-0.004, 0.011)]
    [InlineData(-5e6, 3e7)]
    [InlineData(-1, 1)]
    public void Create_RangeAroundZero_HasZeroAsATick(double min, double max)
    {
        Ticks ticks = NiceTicks.Create(min, max, 7);
        int zero = ticks.Values.ToList().IndexOf(0.0);
        Assert.True(zero >= 0, $"0 is not among {string.Join(", ", ticks.Labels)}");
        Assert.Equal(0, double.Parse(ticks.Labels[zero], CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(3.0)]
    [InlineData(-250.0)]
    [InlineData(1.7e9)]
    public void Create_SingleValue_TicksAroundIt(double value)
    {
        Ticks ticks = NiceTicks.Create(value, value, 5);
        Assert.InRange(ticks.Values.Count, 2, 5);
        Assert.True(ticks.Values[0] <= value && ticks.Values[^1] >= value,
            $"ticks {string.Join(", ", ticks.Labels)} do not surround {value}");
    }

    [Fact]
    public void Create_Labels_HaveOneNumberOfDecimalsOnAnAxis()
    {
        Ticks ticks = NiceTicks.Create(-1.05, 1.9, 8);
        Assert.Equal(["-1.0", "-0.5", "0.0", "0.5", "1.0", "1.5"], ticks.Labels);
        Ticks quarter = NiceTicks.Create(0, 1, 5);
        Assert.Equal(["0.00", "0.25", "0.50", "0.75", "1.00"], quarter.Labels);
    }

    [Fact]
    public void Create_NarrowRangeFarFromZero_LabelsEveryTickApart()
    {
        // Timestamps: a shared power of ten would need many digits, so the numbers are plain.
        Ticks ticks = NiceTicks.Create(1_700_000_000, 1_700_000_900, 5);
        Assert.Equal(200, ticks.Step);
        Assert.Equal(ticks.Labels.Count, ticks.Labels.Distinct().Count());
        Assert.Equal("1700000000", ticks.Labels[0]);
    }

    [Theory]
    [InlineData(2_003_600.0, 2_004_800.0, "+2e6")]
    [InlineData(-2_004_800.0, -2_003_600.0, "-2e6")]
    [InlineData(1_700_000_000.0, 1_700_000_900.0, "+1.7e9")]
    [InlineData(1e-6 + 2e-12, 1e-6 + 9e-12, "+1e-6")]
    public void Create_NarrowRangeFarFromZero_LabelsCountFromAnOffset(
        double min, double max, string offset)
    {
        Ticks plain = NiceTicks.Create(min, max, 5);
        Ticks ticks = NiceTicks.Create(min, max, 5, offset: true);

        Assert.Equal(offset, ticks.Note);
        Assert.Equal(plain.Values, ticks.Values);
        Assert.InRange(ticks.Values.Count, 3, 5);
        // Each label plus the offset is its tick; the labels are 3 or more characters shorter.
        for (int i = 0; i < ticks.Values.Count; i++)
        {
            double label = double.Parse(ticks.Labels[i], CultureInfo.InvariantCulture);
            Assert.Equal(ticks.Values[i], (label * ticks.Scale) + ticks.Offset,
                ticks.Step * 1e-6);
        }

        Assert.True(ticks.Labels.Max(l => l.Length) + 3 <= plain.Labels.Max(l => l.Length),
            $"{string.Join(", ", ticks.Labels)} {offset} is no shorter than "
            + string.Join(", ", plain.Labels));
        Assert.Equal(ticks.Labels.Count, ticks.Labels.Distinct().Count());
    }

    [Theory]
    [InlineData(1.94e6, 2.09e6, 6, "\u00d71e6")]
    [InlineData(-3.1e-5, -1.2e-5, 5, "\u00d71e-5")]
    public void Create_HugeOrTinyValues_LabelsInUnitsOfAScale(
        double min, double max, int most, string note)
    {
        Ticks plain = NiceTicks.Create(min, max, most);
        Ticks ticks = NiceTicks.Create(min, max, most, offset: true);

        Assert.Equal(note, ticks.Note);
        Assert.Equal(0, ticks.Offset);
        Assert.Equal(plain.Values, ticks.Values);
        Assert.All(plain.Labels, l => Assert.Contains('e', l));
        for (int i = 0; i < ticks.Values.Count; i++)
        {
            Assert.DoesNotContain('e', ticks.Labels[i]);
            double label = double.Parse(ticks.Labels[i], CultureInfo.InvariantCulture);
            Assert.Equal(ticks.Values[i], label * ticks.Scale, ticks.Step * 1e-6);
        }

        Assert.Equal(ticks.Labels.Count, ticks.Labels.Distinct().Count());
    }

    [Theory]
    [InlineData(-12.3, 6.6)]
    [InlineData(12_000, 97_000)]
    [InlineData(-2.8345, -2.8312)]
    [InlineData(1201.5, 1209)]
    [InlineData(0.5, 37.5)]
    public void Create_OffsetThatSavesLittle_IsNotUsed(double min, double max)
    {
        Ticks plain = NiceTicks.Create(min, max, 5);
        Ticks ticks = NiceTicks.Create(min, max, 5, offset: true);

        Assert.Null(ticks.Note);
        Assert.Equal(0, ticks.Offset);
        Assert.Equal(1, ticks.Scale);
        Assert.Equal(plain.Labels, ticks.Labels);
    }

    [Fact]
    public void Create_Integers_StepsAreWholeNumbers()
    {
        Ticks ticks = NiceTicks.Create(0.5, 3.5, 10, integers: true);
        Assert.Equal([1.0, 2.0, 3.0], ticks.Values);
        Assert.Equal(["1", "2", "3"], ticks.Labels);
        Assert.All(NiceTicks.Create(0.5, 37.5, 8, integers: true).Values,
            v => Assert.Equal(Math.Round(v), v));
    }

    [Theory]
    [InlineData(0.159, 10, 0.02, 8)]
    [InlineData(0.159, 5, 0.05, 4)]
    [InlineData(1.0, 10, 0.1, 10)]
    [InlineData(3.2e-5, 10, 5e-6, 7)]
    public void Levels_Max_EdgesFromZeroPastTheMax(double max, int most, double step, int levels)
    {
        Ticks edges = NiceTicks.Levels(max, most);
        Assert.Equal(step, edges.Step, step * 1e-9);
        Assert.Equal(levels + 1, edges.Values.Count);
        Assert.Equal(0, edges.Values[0]);
        Assert.True(edges.Values[^1] >= max && edges.Values[^2] < max);
    }

    [Fact]
    public void Create_BadRange_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => NiceTicks.Create(2, 1, 5));
        Assert.Throws<ArgumentOutOfRangeException>(() => NiceTicks.Create(0, double.NaN, 5));
        Assert.Throws<ArgumentOutOfRangeException>(() => NiceTicks.Create(0, 1, 1));
    }

    /// <summary>Steps are 1, 2, 2.5 or 5 × 10^k; ticks are multiples of the step inside the
    /// range, at most <paramref name="most"/>, and every label has the same decimals.</summary>
    private static void AssertRoundAndInside(Ticks ticks, double min, double max, int most)
    {
        double mantissa = ticks.Step / Math.Pow(10, Math.Floor(Math.Log10(ticks.Step)));
        Assert.Contains(Math.Round(mantissa, 6), new[] { 1.0, 2.0, 2.5, 5.0 });
        Assert.InRange(ticks.Values.Count, 2, most);
        Assert.All(ticks.Values, v => Assert.InRange(v, min, max));
        Assert.All(ticks.Values, v => Assert.Equal(0, Math.IEEERemainder(v, ticks.Step),
            ticks.Step * 1e-6));
        int Decimals(string label) => label.Contains('e', StringComparison.Ordinal) ? -1
            : label.Contains('.', StringComparison.Ordinal) ? label.Length - label.IndexOf('.') : 0;
        Assert.Single(ticks.Labels.Where(l => l != "0").Select(Decimals).Distinct());
    }
}
