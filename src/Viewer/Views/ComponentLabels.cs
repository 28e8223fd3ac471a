namespace GmmGpu.Viewer.Views;

/// <summary>
/// The most likely component at each cell of a grid, on the two drawn features: argmax over k
/// of log w_k − ½ log det Σ_k − ½ (x − μ_k)ᵀ Σ_k⁻¹ (x − μ_k), Σ_k the 2×2 marginal
/// block.
/// A point's label depends only on its position there, so a bin's label is its centre's: no
/// per-point labels are kept (or computed) whatever N is.
/// </summary>
internal static class ComponentLabels
{
    /// <summary>
    /// Labels (as floats) of the cells of a width × height grid over the bounds, row 0 at yMin;
    /// cells whose count is 0 are left at 0.
    /// </summary>
    public static float[] Grid(
        MixtureParameters parameters, int dimX, int dimY, float[] counts,
        int width, int height, (double Min, double Max) x, (double Min, double Max) y)
    {
        double[] terms = Terms(parameters, dimX, dimY);
        int k = parameters.Components;
        var labels = new float[width * height];
        double stepX = (x.Max - x.Min) / width, stepY = (y.Max - y.Min) / height;
        Parallel.For(0, height, row =>
        {
            double py = y.Min + ((row + 0.5) * stepY);
            for (int column = 0; column < width; column++)
            {
                int cell = (row * width) + column;
                if (counts[cell] == 0)
                {
                    continue;
                }

                double px = x.Min + ((column + 0.5) * stepX);
                labels[cell] = Best(terms, k, px, py);
            }
        });
        return labels;
    }

    /// <summary>
    /// Per component: the mean on the two features, the marginal precision (xx, xy, yy) and
    /// log w − ½ log det Σ; six values each, for <see cref="Best"/>.
    /// </summary>
    public static double[] Terms(MixtureParameters parameters, int dimX, int dimY)
    {
        int k = parameters.Components, d = parameters.Dimensions;
        var terms = new double[k * 6];
        for (int c = 0; c < k; c++)
        {
            (double xx, double xy, double yy) = parameters.MarginalCovariance(c, dimX, dimY);
            double det = (xx * yy) - (xy * xy);
            double weight = parameters.Weights[c];
            bool usable = det > 0 && double.IsFinite(det) && weight > 0;
            terms[6 * c] = parameters.Means[(c * d) + dimX];
            terms[(6 * c) + 1] = parameters.Means[(c * d) + dimY];
            terms[(6 * c) + 2] = usable ? yy / det : 0;
            terms[(6 * c) + 3] = usable ? -xy / det : 0;
            terms[(6 * c) + 4] = usable ? xx / det : 0;
            // A component without a usable covariance never wins.
            terms[(6 * c) + 5] = usable
                ? Math.Log(weight) - (0.5 * Math.Log(det)) : double.NegativeInfinity;
        }

        return terms;
    }

    /// <summary>The most likely of <paramref name="k"/> components at (px, py).</summary>
    public static int Best(double[] terms, int k, double px, double py)
    {
        int best = 0;
        double bestScore = double.NegativeInfinity;
        for (int c = 0; c < k; c++)
        {
            ReadOnlySpan<double> t = terms.AsSpan(6 * c, 6);
            double dx = px - t[0], dy = py - t[1];
            double score = t[5]
                - (0.5 * ((t[2] * dx * dx) + (2 * t[3] * dx * dy) + (t[4] * dy * dy)));
            if (score > bestScore)
            {
                (best, bestScore) = (c, score);
            }
        }

        return best;
    }
}
