namespace GmmGpu.Viewer.Views;

/// <summary>The y-range a curve of per-iteration figures is drawn over.</summary>
internal static class CurveRange
{
    /// <summary>
    /// From the second iteration on, when there are three or more: EM's first iteration starts
    /// from an arbitrary guess, so its figure is usually far below (log-likelihood) or above
    /// (AIC, BIC) all the others, and a range that held it would flatten the rest of the curve
    /// into a line. The first point is then drawn on the edge, marked as off the scale. A
    /// symmetric-log axis was the other choice; it keeps every point but bends the scale that
    /// the tick labels must explain, while this keeps a plain linear axis. Padded by 8%; a flat
    /// curve gets ±1.
    /// </summary>
    /// <param name="values">The figures in iteration order; non-finite ones are ignored.</param>
    public static (double Min, double Max) Of(IReadOnlyList<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        IEnumerable<double> kept = values.Count >= 3 ? values.Skip(1) : values;
        double[] finite = [.. kept.Where(double.IsFinite)];
        if (finite.Length == 0)
        {
            finite = [.. values.Where(double.IsFinite)];
        }

        double min = finite.Length > 0 ? finite.Min() : 0, max = finite.Length > 0 ? finite.Max() : 0;
        if (!(max > min))
        {
            return (min - 1, max + 1);
        }

        double pad = 0.08 * (max - min);
        return (min - pad, max + pad);
    }
}
