using System.Runtime.Intrinsics;

namespace GmmGpu.Backends.Cpu;

/// <summary>
/// One worker's state for the SIMD statistics pass: a transposed pair of blocks of eight
/// points, per-component log-densities, float32 sums per lane (flushed every few blocks) and the
/// float64 sums per lane they flush into. Sums per component: [N, S (D), Q (moments)], then
/// the log-likelihood last. The float64 sums hold one value per float32 sum (its eight lanes
/// added in a fixed order at each flush), not one per lane: 8 bytes per sum of the K·D² moments
/// rather than 64.
/// </summary>
internal sealed class SimdScratch
{
    public SimdScratch(SimdModel model)
    {
        Model = model;
        X = new Vector256<float>[2 * model.Dimensions];
        Diff = new Vector256<float>[2 * model.Components * model.Dimensions];
        LogDensity = new Vector256<float>[2 * model.Components];
        FloatSums = new Vector256<float>[(model.Components * model.Stride) + 1];
        DoubleSums = new double[FloatSums.Length];
        PaddedRows = new float[SimdStatisticsPass.PairWidth * model.Dimensions];
    }

    public SimdModel Model { get; }

    /// <summary>Feature i of the eight points, per block of the pair, shape (2, D).</summary>
    public Vector256<float>[] X { get; }

    /// <summary>x − mean per component, feature and block, shape (K, D, 2).</summary>
    public Vector256<float>[] Diff { get; }

    /// <summary>Log-densities, then responsibilities, per block, shape (2, K).</summary>
    public Vector256<float>[] LogDensity { get; }

    public Vector256<float>[] FloatSums { get; }

    public double[] DoubleSums { get; }

    /// <summary>The last, partial pair of blocks of a chunk, padded with zeros.</summary>
    public float[] PaddedRows { get; }

    public ref Vector256<float> LogLikelihood => ref FloatSums[^1];

    public void Clear()
    {
        Array.Clear(FloatSums);
        Array.Clear(DoubleSums);
    }

    /// <summary>Adds the float32 sums into the float64 sums lane by lane; zeroes them.</summary>
    public void Flush()
    {
        for (int i = 0; i < FloatSums.Length; i++)
        {
            (Vector256<double> lower, Vector256<double> upper) = Vector256.Widen(FloatSums[i]);
            DoubleSums[i] += Vector256.Sum(lower + upper);
            FloatSums[i] = Vector256<float>.Zero;
        }
    }

    /// <summary>Writes the chunk's float64 sums into <paramref name="partial"/>.</summary>
    public StatisticsPartial ToPartial(StatisticsPartial partial)
    {
        SimdModel model = Model;
        int d = model.Dimensions;
        for (int k = 0; k < model.Components; k++)
        {
            int offset = k * model.Stride;
            partial.Nk[k] = LaneSum(offset);
            for (int i = 0; i < d; i++)
            {
                partial.Sk[(k * d) + i] = LaneSum(offset + 1 + i);
            }

            for (int m = 0; m < model.MomentLength; m++)
            {
                partial.Qk[(k * model.MomentLength) + m] = LaneSum(offset + 1 + d + m);
            }
        }

        partial.LogLikelihood = LaneSum(FloatSums.Length - 1);
        return partial;
    }

    private double LaneSum(int index) => DoubleSums[index];
}
