namespace GmmGpu.Viewer;

/// <summary>
/// The data under a view: N rows of D features (row-major) and the two features drawn.
/// Bounds and binned histograms are computed once and reused for every frame, so one instance
/// belongs to one drawing thread.
/// </summary>
public sealed class PlotData
{
    private readonly Dictionary<(int, int, int, int), float[]> histograms = [];
    private readonly Dictionary<(int, int, double, double), double[]> histograms1D = [];
    private (int MaxRows, float[] Points)? sample;
    private (double Min, double Max)[]? ranges;
    private readonly string? xName;
    private readonly string? yName;

    /// <param name="values">Shape (rows, columns), row-major.</param>
    /// <param name="dimX">Feature along x, in [0, columns).</param>
    /// <param name="dimY">Feature along y, in [0, columns); ignored when columns = 1.</param>
    public PlotData(ReadOnlyMemory<float> values, int columns, int dimX = 0, int dimY = 1)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(columns);
        ArgumentOutOfRangeException.ThrowIfNotEqual(values.Length % columns, 0, nameof(values));
        ArgumentOutOfRangeException.ThrowIfNegative(dimX);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(dimX, columns);
        if (columns > 1)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(dimY);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(dimY, columns);
        }

        Values = values;
        Columns = columns;
        Rows = values.Length / columns;
        DimX = dimX;
        DimY = columns > 1 ? dimY : dimX;
    }

    /// <summary>The values, shape (rows, columns), row-major: the data less <see cref="Origin"/>.
    /// </summary>
    public ReadOnlyMemory<float> Values { get; }

    /// <summary>
    /// What was subtracted from each feature (in float64) before the values became float32,
    /// shape (<see cref="ModelDimensions"/>), or null for none: data far from the origin (1e8 +
    /// a spread of 10) keeps its digits. The axes are drawn relative to it and say so; a model
    /// drawn over the data is moved by it first (before any projection).
    /// </summary>
    public IReadOnlyList<double>? Origin { get; init; }

    /// <summary>
    /// The principal axes the rows were projected onto, or null when they are the data's own
    /// features. A model drawn over projected data is projected onto the same axes.
    /// </summary>
    public PrincipalAxes? Axes { get; private init; }

    /// <summary>
    /// Name of the feature along x (a CSV header's or Parquet column's name); a name that is
    /// only the column's number, or none, reads "x" and the number (x0, x1, …).
    /// </summary>
    public string XName { get => Named(xName, DimX); init => xName = value; }

    /// <summary>Name of the feature along y, as <see cref="XName"/>.</summary>
    public string YName { get => Named(yName, DimY); init => yName = value; }

    /// <summary>Label of the x axis: its name, with the share of the variance on a principal
    /// axis ("PC1 (63% of variance)").</summary>
    public string XLabel => Label(XName, 0, DimX);

    /// <summary>Label of the y axis, as <see cref="XLabel"/>.</summary>
    public string YLabel => Label(YName, 1, DimY);

    /// <summary>Features a model drawn over this data has: the data's own.</summary>
    public int ModelDimensions => Axes?.Dimensions ?? Columns;

    /// <summary>Rows (points) of <see cref="Values"/>, ≥ 0.</summary>
    public int Rows { get; }

    /// <summary>Columns (features) of <see cref="Values"/>, ≥ 1.</summary>
    public int Columns { get; }

    /// <summary>The column drawn along x, in [0, <see cref="Columns"/>).</summary>
    public int DimX { get; }

    /// <summary>The column drawn along y, in [0, <see cref="Columns"/>); with one column,
    /// <see cref="DimX"/>.</summary>
    public int DimY { get; }

    /// <summary>
    /// The data on its top two principal axes, labelled PC1 and PC2: a copy of two columns
    /// (O(N·2) memory) made in one pass after the one that finds the axes.
    /// </summary>
    /// <param name="values">Shape (rows, columns), row-major; at least one row.</param>
    /// <param name="columns">Features, at least 2.</param>
    /// <param name="origin">What was subtracted from each feature of the values, shape
    /// (columns), or null (<see cref="Origin"/>).</param>
    /// <param name="sampleSeed">The <see cref="SampleSeed"/>.</param>
    public static PlotData OnPrincipalAxes(
        ReadOnlyMemory<float> values,
        int columns,
        IReadOnlyList<double>? origin = null,
        int sampleSeed = 0)
    {
        PrincipalAxes axes = PrincipalAxes.Compute(values, columns);
        return new PlotData(axes.Project(values), 2)
        {
            Axes = axes, XName = "PC1", YName = "PC2", Origin = origin, SampleSeed = sampleSeed,
        };
    }

    /// <summary>The range of feature <paramref name="dim"/>, padded by 5% on each side.</summary>
    public (double Min, double Max) Range(int dim)
    {
        ranges ??= ComputeRanges();
        return ranges[dim];
    }

    /// <summary>
    /// Counts of (DimX, DimY) in a width × height grid over the ranges, row 0 at min y.
    /// </summary>
    internal float[] Histogram2D(int width, int height)
    {
        var key = (width, height, DimX, DimY);
        if (!histograms.TryGetValue(key, out float[]? counts))
        {
            counts = Binning.Bin2D(this, width, height);
            histograms[key] = counts;
        }

        return counts;
    }

    /// <summary>
    /// Density-normalised histogram of feature <paramref name="dim"/>: <paramref name="bins"/>
    /// bins over [min, max).
    /// </summary>
    internal double[] Histogram1D(int dim, int bins, double min, double max)
    {
        var key = (dim, bins, min, max);
        if (!histograms1D.TryGetValue(key, out double[]? density))
        {
            density = Binning.Bin1D(this, dim, bins, min, max);
            histograms1D[key] = density;
        }

        return density;
    }

    /// <summary>
    /// The seed of the rows a zoomed-in view draws (<see cref="Sample"/>): the same seed gives
    /// the same picture, another seed another sample.
    /// </summary>
    public int SampleSeed { get; init; }

    /// <summary>
    /// At most <paramref name="maxRows"/> rows drawn at random (without repeats, seeded by
    /// <see cref="SampleSeed"/>; every row when there are no more), in row order, as
    /// (DimX, DimY) pairs: what a zoomed-in view draws point by point.
    /// </summary>
    internal float[] Sample(int maxRows)
    {
        if (sample is not { } kept || kept.MaxRows != maxRows)
        {
            int[] rows = SampleRows(maxRows);
            var points = new float[2 * rows.Length];
            ReadOnlySpan<float> v = Values.Span;
            for (int i = 0; i < rows.Length; i++)
            {
                points[2 * i] = v[(rows[i] * Columns) + DimX];
                points[(2 * i) + 1] = v[(rows[i] * Columns) + DimY];
            }

            kept = (maxRows, points);
            sample = kept;
        }

        return kept.Points;
    }

    /// <summary>
    /// min(maxRows, Rows) distinct rows, uniformly at random, sorted (Floyd's algorithm: O(m)
    /// time and memory, whatever N).
    /// </summary>
    private int[] SampleRows(int maxRows)
    {
        if (Rows <= maxRows)
        {
            return [.. Enumerable.Range(0, Rows)];
        }

        var random = new Random(SampleSeed);
        var chosen = new HashSet<int>(maxRows);
        for (int j = Rows - maxRows; j < Rows; j++)
        {
            int t = random.Next(j + 1);
            chosen.Add(chosen.Contains(t) ? j : t);
        }

        int[] rows = [.. chosen];
        Array.Sort(rows);
        return rows;
    }

    private static string Named(string? name, int dim) =>
        string.IsNullOrWhiteSpace(name) || name.All(char.IsAsciiDigit)
            ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"x{dim}")
            : name;

    /// <summary>
    /// <paramref name="parameters"/> (in the data's units) moved by <see cref="Origin"/> into
    /// the units of <see cref="Values"/>, in float64.
    /// </summary>
    internal MixtureParameters Local(MixtureParameters parameters)
    {
        int d = parameters.Dimensions;
        if (Origin is null)
        {
            return parameters;
        }

        ArgumentOutOfRangeException.ThrowIfNotEqual(Origin.Count, d, nameof(Origin));
        double[] means = [.. parameters.Means];
        for (int i = 0; i < means.Length; i++)
        {
            means[i] -= Origin[i % d];
        }

        return new MixtureParameters(parameters.CovarianceType, parameters.Components, d,
            [.. parameters.Weights], means, [.. parameters.Covariances]);
    }

    /// <summary>
    /// Where the axis of feature <paramref name="dim"/> counts from in the data's units: its
    /// <see cref="Origin"/>, or 0 (principal axes are centred already).
    /// </summary>
    internal double AxisOrigin(int dim) => Axes is null ? Origin?[dim] ?? 0 : 0;

    private string Label(string name, int axis, int dim)
    {
        if (Axes is null)
        {
            // The ticks count from the origin, as matplotlib's offset text says "+1e8".
            double origin = AxisOrigin(dim);
            return origin != 0
                ? string.Create(System.Globalization.CultureInfo.InvariantCulture,
                    $"{name} \u2212 {origin:G15}")
                : name;
        }

        double total = Axes.FeatureVariances.Sum();
        double share = total > 0 ? Axes.Explained[axis] / total : 0;
        return string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"{name} ({share:0%} of variance)");
    }

    private (double, double)[] ComputeRanges()
    {
        var result = new (double, double)[Columns];
        (float Min, float Max)[] bounds = DataBounds.Compute(Values, Columns);
        for (int d = 0; d < Columns; d++)
        {
            double min = bounds[d].Min, max = bounds[d].Max;
            if (!(max > min))
            {
                (min, max) = Rows == 0 ? (-1, 1) : (min - 1, max + 1);
            }

            double pad = 0.05 * (max - min);
            result[d] = (min - pad, max + pad);
        }

        return result;
    }
}
