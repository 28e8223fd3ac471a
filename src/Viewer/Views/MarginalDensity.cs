using GmmGpu.Em;
using GmmGpu.Engine;

namespace GmmGpu.Viewer.Views;

/// <summary>The mixture's density on the two drawn features, on a grid.</summary>
internal static class MarginalDensity
{
    /// <summary>
    /// The marginal density on features (DimX, DimY) at the width × height grid points spanning
    /// [xMin, xMax] × [yMin, yMax], row 0 at yMin: the marginal of a Gaussian mixture keeps the
    /// weights, the two means and the 2×2 blocks of the covariances.
    /// </summary>
    public static float[] Evaluate(IComputeBackend backend, MixtureParameters parameters,
        PlotData data, int width, int height, double xMin, double xMax, double yMin, double yMax)
    {
        int k = parameters.Components, d = parameters.Dimensions;
        // About the grid's centre in float64: float32 keeps no digits of a model at 1e8.
        double cx = (xMin / 2) + (xMax / 2), cy = (yMin / 2) + (yMax / 2);
        var means = new double[k * 2];
        var covariances = new double[k * 4];
        for (int c = 0; c < k; c++)
        {
            means[2 * c] = parameters.Means[(c * d) + data.DimX] - cx;
            means[(2 * c) + 1] = parameters.Means[(c * d) + data.DimY] - cy;
            var block = parameters.MarginalCovariance(c, data.DimX, data.DimY);
            covariances[4 * c] = block.Xx;
            covariances[(4 * c) + 1] = block.Xy;
            covariances[(4 * c) + 2] = block.Xy;
            covariances[(4 * c) + 3] = block.Yy;
        }

        var marginal = new MixtureParameters(
            CovarianceType.Full, k, 2, [.. parameters.Weights], means, covariances);
        var grid = new DensityGrid(
            width, height, xMin - cx, xMax - cx, yMin - cy, yMax - cy);
        var density = new float[width * height];
        backend.EvaluateDensityGrid(MixtureKernelModel.Build(marginal), grid, density);
        return density;
    }
}
