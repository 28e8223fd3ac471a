using GmmGpu.Em;
using GmmGpu.Engine;
using GmmGpu.Passes;

namespace GmmGpu.Initialisation;

/// <summary>
/// Parameters of the clusters "each point belongs to its nearest centre" (scikit-learn's
/// one-hot responsibilities after k-means), without an N-long label array: one fused pass under a
/// very sharp isotropic mixture centred on the centres, whose responsibilities are one-hot to
/// within exp(−25) except for points equidistant to 1e-5 from two centres.
/// </summary>
internal static class HardAssignment
{
    /// <summary>Sharpness: s² · (mean squared distance to the nearest centre).</summary>
    private const double Sharpness = 1e6;

    public static MixtureParameters Estimate(
        DataPasses data,
        float[] centres,
        int components,
        CovarianceType covarianceType,
        double regCovar,
        CancellationToken cancellationToken)
    {
        int d = data.Columns;
        var counts = new double[components];
        var sums = new double[components * d];
        double inertia = data.LloydStep(centres, components, counts, sums, cancellationToken);
        double meanSquaredDistance = Math.Max(inertia / data.Rows, 1e-20);
        var scale = (float)Math.Sqrt(Sharpness / meanSquaredDistance);

        PrecisionForm form = Covariance.CovarianceModels.For(covarianceType).Form;
        var precision = new float[components * form.PrecisionLength(d)];
        for (int c = 0; c < components; c++)
        {
            for (int j = 0; j < d; j++)
            {
                int index = form == PrecisionForm.Triangular ? (c * d * d) + (j * d) + j : (c * d) + j;
                precision[index] = scale;
            }
        }

        var sharp = new KernelModel(components, d, form, centres, precision, new float[components]);
        var statistics = new SufficientStatistics(components, d, form);
        data.Accumulate(sharp, statistics, cancellationToken);
        return MaximizationStep.Estimate(statistics, sharp, covarianceType, regCovar);
    }
}
