using GmmGpu.Covariance;
using GmmGpu.Engine;

namespace GmmGpu.Em;

/// <summary>Turns float64 parameters into the float32 form the kernels read.</summary>
public static class MixtureKernelModel
{
    private static readonly double HalfLogTwoPi = 0.5 * Math.Log(2 * Math.PI);

    /// <summary>
    /// The model a backend scores with (<see cref="IComputeBackend.ScoreSamples"/>,
    /// <see cref="IComputeBackend.EvaluateDensityGrid"/>): means, precision Cholesky factors
    /// and log-normalisers of <paramref name="parameters"/>' K components in float32.
    /// </summary>
    public static KernelModel Build(MixtureParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ICovarianceModel covariance = CovarianceModels.For(parameters.CovarianceType);
        int k = parameters.Components, d = parameters.Dimensions;
        var means = new float[k * d];
        for (int i = 0; i < means.Length; i++)
        {
            means[i] = (float)parameters.MeansArray[i];
        }

        var logNormalizer = new float[k];
        for (int c = 0; c < k; c++)
        {
            // A weight of exactly zero gives −∞: that component takes no responsibility.
            logNormalizer[c] = (float)(Math.Log(parameters.WeightsArray[c])
                + parameters.LogDetCholesky[c] - (d * HalfLogTwoPi));
        }

        return new KernelModel(
            k,
            d,
            covariance.Form,
            means,
            covariance.ToKernelPrecision(parameters.PrecisionsCholeskyArray, k, d),
            logNormalizer);
    }
}
