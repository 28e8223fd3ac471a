using GmmGpu.Engine;
using Xunit;

namespace GmmGpu.Tests.Backends;

/// <summary>
/// One specification of <see cref="IComputeBackend"/>, against the float64 reference: every
/// backend runs the same cases on the same seeded data (<see cref="IlgpuTestData"/>) with the
/// same tolerances. The backends are the subclasses in <c>BackendSpecs.cs</c>: cpu, ilgpu-cpu
/// in two launch shapes, and cuda where a device is present.
/// </summary>
public abstract partial class BackendSpec
{
    /// <summary>Allowed error relative to Σ|term| of each sum (float32 per-point maths).</summary>
    private const double Tolerance = 1e-6;

    protected abstract IComputeBackend Backend { get; }

    /// <summary>Draws of the proportionality test (fewer where a launch is slow).</summary>
    protected virtual int SamplingDraws => 4000;

    public static TheoryData<PrecisionForm, int, int, float> StatisticsCases()
    {
        var cases = new TheoryData<PrecisionForm, int, int, float>();
        foreach (PrecisionForm form in new[] { PrecisionForm.Triangular, PrecisionForm.Diagonal })
        {
            foreach (int d in new[] { 1, 2, 5 })
            {
                cases.Add(form, d, 1037, 0f);
            }

            cases.Add(form, 3, 20011, 0f);
            cases.Add(form, 7, 3333, 0f);
            cases.Add(form, 2, 3001, 1e4f);
        }

        return cases;
    }

    public static TheoryData<PrecisionForm, int> FormAndDimensions()
    {
        var cases = new TheoryData<PrecisionForm, int>();
        foreach (PrecisionForm form in new[] { PrecisionForm.Triangular, PrecisionForm.Diagonal })
        {
            foreach (int d in new[] { 1, 2, 5 })
            {
                cases.Add(form, d);
            }
        }

        return cases;
    }

    [Theory]
    [MemberData(nameof(StatisticsCases))]
    public void Accumulate_MatchesFloat64Reference(
        PrecisionForm form, int dimensions, int rows, float offset)
    {
        // D = 7 with K = 12 gives E = 433 sums (triangular): more than a group has threads.
        int components = dimensions == 7 ? 12 : 4;
        KernelModel model = IlgpuTestData.Model(1, components, dimensions, form, offset);
        float[] data = IlgpuTestData.Points(2, model, rows);
        (SufficientStatistics expected, SufficientStatistics magnitude) =
            NaiveReference.Accumulate(data, model);

        SufficientStatistics actual = Accumulate(model, data);

        Assert.Equal(rows, actual.Count);
        AssertClose(expected.Nk, actual.Nk, magnitude.Nk, "Nk");
        AssertClose(expected.Sk, actual.Sk, magnitude.Sk, "Sk");
        AssertClose(expected.Qk, actual.Qk, magnitude.Qk, "Qk");
        AssertClose(
            [expected.LogLikelihood], [actual.LogLikelihood], [magnitude.LogLikelihood], "LL");
    }

    [Theory]
    [InlineData(PrecisionForm.Triangular)]
    [InlineData(PrecisionForm.Diagonal)]
    public void Accumulate_TwoRuns_AreBitIdentical(PrecisionForm form)
    {
        KernelModel model = IlgpuTestData.Model(3, 5, 3, form);
        float[] data = IlgpuTestData.Points(4, model, 50_003);
        using IDeviceDataset dataset = Backend.Upload(data, 50_003, 3);
        var first = new SufficientStatistics(5, 3, form);
        var second = new SufficientStatistics(5, 3, form);

        Backend.Accumulate(dataset, model, first, CancellationToken.None);
        Backend.Accumulate(dataset, model, second, CancellationToken.None);

        Assert.Equal(first.Nk, second.Nk);
        Assert.Equal(first.Sk, second.Sk);
        Assert.Equal(first.Qk, second.Qk);
        Assert.Equal(
            BitConverter.DoubleToInt64Bits(first.LogLikelihood),
            BitConverter.DoubleToInt64Bits(second.LogLikelihood));
    }

    [Theory]
    [MemberData(nameof(FormAndDimensions))]
    public void ScoreSamples_MatchesReference(PrecisionForm form, int dimensions)
    {
        KernelModel model = IlgpuTestData.Model(5, 3, dimensions, form);
        float[] data = IlgpuTestData.Points(6, model, 777);
        using IDeviceDataset dataset = Backend.Upload(data, 777, dimensions);
        var actual = new double[777];

        Backend.ScoreSamples(dataset, model, actual);

        for (int p = 0; p < 777; p++)
        {
            double expected = NaiveReference.LogSumExp(
                NaiveReference.ComponentLogDensities(model, data.AsSpan(p * dimensions, dimensions)));
            Assert.True(
                Math.Abs(expected - actual[p]) <= 1e-5 * (1 + Math.Abs(expected)),
                $"point {p}: expected {expected}, actual {actual[p]}");
        }
    }

    [Theory]
    [MemberData(nameof(FormAndDimensions))]
    public void Predict_MatchesReference(PrecisionForm form, int dimensions)
    {
        KernelModel model = IlgpuTestData.Model(7, 4, dimensions, form);
        float[] data = IlgpuTestData.Points(8, model, 999);
        using IDeviceDataset dataset = Backend.Upload(data, 999, dimensions);
        var labels = new int[999];

        Backend.Predict(dataset, model, labels);

        for (int p = 0; p < 999; p++)
        {
            double[] logDensities =
                NaiveReference.ComponentLogDensities(model, data.AsSpan(p * dimensions, dimensions));
            double best = logDensities.Max();
            Assert.True(
                best - logDensities[labels[p]] <= 1e-5 * (1 + Math.Abs(best)),
                $"point {p}: label {labels[p]} is not the argmax");
        }
    }

    [Theory]
    [MemberData(nameof(FormAndDimensions))]
    public void PredictProba_MatchesReference(PrecisionForm form, int dimensions)
    {
        const int Start = 101;
        const int Count = 333;
        KernelModel model = IlgpuTestData.Model(9, 3, dimensions, form);
        float[] data = IlgpuTestData.Points(10, model, 500);
        using IDeviceDataset dataset = Backend.Upload(data, 500, dimensions);
        var actual = new double[Count * 3];

        Backend.PredictProba(dataset, model, Start, Count, actual);

        for (int p = 0; p < Count; p++)
        {
            double[] expected = NaiveReference.Responsibilities(
                model, data.AsSpan((Start + p) * dimensions, dimensions));
            for (int k = 0; k < 3; k++)
            {
                Assert.True(
                    Math.Abs(expected[k] - actual[(p * 3) + k]) <= 1e-5,
                    $"point {Start + p}, k={k}: expected {expected[k]}, "
                    + $"actual {actual[(p * 3) + k]}");
            }

            Assert.Equal(1.0, actual.AsSpan(p * 3, 3).ToArray().Sum(), 5);
        }
    }

    private SufficientStatistics Accumulate(KernelModel model, float[] data)
    {
        int d = model.Dimensions;
        using IDeviceDataset dataset = Backend.Upload(data, data.Length / d, d);
        var statistics = new SufficientStatistics(model.Components, d, model.Form);
        Backend.Accumulate(dataset, model, statistics, CancellationToken.None);
        return statistics;
    }

    private static void AssertClose(
        double[] expected, double[] actual, double[] magnitude, string name)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
        {
            double error = Math.Abs(expected[i] - actual[i]);
            Assert.True(
                error <= Tolerance * magnitude[i],
                $"{name}[{i}]: expected {expected[i]}, actual {actual[i]}, error {error:G3} "
                + $"> {Tolerance} × Σ|term| {magnitude[i]:G6}");
        }
    }
}
