using GmmGpu.Engine;
using GmmGpu.TestData;
using Xunit;

namespace GmmGpu.Tests.Backends;

/// <summary>Scores, labels and responsibilities of points.</summary>
public abstract partial class BackendSpec
{
    /// <summary><see cref="FormAndDimensions"/> on 777 rows, and D = 3 on more rows than one
    /// CPU chunk or one batch of groups.</summary>
    public static TheoryData<PrecisionForm, int, int> FormDimensionsAndRows()
    {
        var cases = new TheoryData<PrecisionForm, int, int>();
        foreach (PrecisionForm form in new[] { PrecisionForm.Triangular, PrecisionForm.Diagonal })
        {
            foreach (int d in new[] { 1, 2, 5 })
            {
                cases.Add(form, d, 777);
            }

            cases.Add(form, 3, 20_003);
        }

        return cases;
    }

    [Theory]
    [MemberData(nameof(FormDimensionsAndRows))]
    public void ScoreSamples_MatchesReference(PrecisionForm form, int dimensions, int rows)
    {
        KernelModel model = SeededMixture.Model(5, 3, dimensions, form);
        float[] data = SeededMixture.Points(6, model, rows);

        AssertScoresMatchReference(model, data, ScoreSamples(model, data));
    }

    /// <summary>
    /// The same instance, changed in place between calls, is read anew: a device copy kept by
    /// the model's identity would score the old parameters.
    /// </summary>
    [Fact]
    public void ScoreSamples_ModelChangedInPlace_UsesTheNewValues()
    {
        KernelModel model = SeededMixture.Model(41, 3, 2, PrecisionForm.Triangular);
        float[] data = SeededMixture.Points(42, model, 501);
        _ = ScoreSamples(model, data);

        model.Means[1] -= 2f;
        model.PrecisionCholesky[0] *= 0.5f;
        model.LogNormalizer[0] += 1f;

        AssertScoresMatchReference(model, data, ScoreSamples(model, data));
    }

    [Theory]
    [MemberData(nameof(FormDimensionsAndRows))]
    public void Predict_MatchesReference(PrecisionForm form, int dimensions, int rows)
    {
        KernelModel model = SeededMixture.Model(7, 4, dimensions, form);
        float[] data = SeededMixture.Points(8, model, rows);
        using IDeviceDataset dataset = Backend.Upload(data, rows, dimensions);
        var labels = new int[rows];

        Backend.Predict(dataset, model, labels);

        // The label is the argmax, or within float32 rounding of it (a near tie).
        for (int p = 0; p < rows; p++)
        {
            double[] logDensities =
                NaiveReference.ComponentLogDensities(model, data.AsSpan(p * dimensions, dimensions));
            double best = logDensities.Max();
            Assert.True(
                best - logDensities[labels[p]] <= 1e-5 * (1 + Math.Abs(best)),
                $"point {p}: label {labels[p]} is not the argmax");
        }
    }

    /// <summary>A slice from the middle of the dataset, and one ending at its last row.</summary>
    [Theory]
    [MemberData(nameof(FormAndDimensions))]
    public void PredictProba_MatchesReferenceAndRowsSumToOne(PrecisionForm form, int dimensions)
    {
        const int Rows = 500;
        KernelModel model = SeededMixture.Model(9, 3, dimensions, form);
        float[] data = SeededMixture.Points(10, model, Rows);
        using IDeviceDataset dataset = Backend.Upload(data, Rows, dimensions);

        foreach ((int start, int count) in new[] { (101, 333), (400, 100) })
        {
            var actual = new double[count * 3];
            Backend.PredictProba(dataset, model, start, count, actual);

            for (int p = 0; p < count; p++)
            {
                double[] expected = NaiveReference.Responsibilities(
                    model, data.AsSpan((start + p) * dimensions, dimensions));
                for (int k = 0; k < 3; k++)
                {
                    Assert.True(
                        Math.Abs(expected[k] - actual[(p * 3) + k]) <= 1e-5,
                        $"point {start + p}, k={k}: expected {expected[k]}, "
                        + $"actual {actual[(p * 3) + k]}");
                }

                double sum = actual.AsSpan(p * 3, 3).ToArray().Sum();
                Assert.True(
                    Math.Abs(sum - 1) <= ProbabilitySumTolerance,
                    $"point {start + p}: responsibilities sum to {sum:R}");
            }
        }
    }

    private double[] ScoreSamples(KernelModel model, float[] data)
    {
        int d = model.Dimensions;
        using IDeviceDataset dataset = Backend.Upload(data, data.Length / d, d);
        var scores = new double[data.Length / d];
        Backend.ScoreSamples(dataset, model, scores);
        return scores;
    }

    private static void AssertScoresMatchReference(
        KernelModel model, float[] data, double[] actual)
    {
        double[] expected = NaiveReference.ScoreSamples(data, model);
        for (int p = 0; p < expected.Length; p++)
        {
            Assert.True(
                Math.Abs(expected[p] - actual[p]) <= 1e-5 * (1 + Math.Abs(expected[p])),
                $"point {p}: expected {expected[p]}, actual {actual[p]}");
        }
    }
}
