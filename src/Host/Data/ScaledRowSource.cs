using System.Globalization;
using GmmGpu.Numerics;

namespace GmmGpu.Data;

/// <summary>
/// A row source seen in the internal float32 units of a <see cref="FeatureScaling"/>: each value
/// is read in float64 (as the file holds it), shifted and scaled, and only then rounded to
/// float32. With the identity map it is the source itself, mapped rows included. It does not
/// own the source.
/// </summary>
internal sealed class ScaledRowSource : IRowSource, IMappedRows
{
    private readonly IRowSource source;
    private double[]? raw;
    private float[]? scratch;

    public ScaledRowSource(IRowSource source, FeatureScaling scaling)
    {
        this.source = source;
        Scaling = scaling;
    }

    /// <summary>The map from the source's units to these rows'.</summary>
    public FeatureScaling Scaling { get; }

    /// <inheritdoc/>
    public string Name => source.Name;

    /// <inheritdoc/>
    public long Rows => source.Rows;

    /// <inheritdoc/>
    public int Columns => source.Columns;

    /// <inheritdoc/>
    public IReadOnlyList<string> ColumnNames => source.ColumnNames;

    /// <inheritdoc/>
    public long FirstRow => source.FirstRow;

    /// <inheritdoc/>
    /// <exception cref="DataFormatException">A value is not finite, or lies so far from the
    /// scaling's centre that it leaves float32's range.</exception>
    public void Read(long start, int count, Span<float> destination)
    {
        if (Scaling.IsIdentity)
        {
            source.Read(start, count, destination);
            return;
        }

        RowRange.CheckRead(this, start, count, destination);
        int d = Columns, batch = RowBatches.RowsFor(d);
        for (int done = 0; done < count; done += batch)
        {
            int take = Math.Min(batch, count - done);
            raw ??= new double[(long)Math.Min(batch, count) * d];
            if (raw.Length < take * d)
            {
                raw = new double[take * d];
            }

            Span<double> values = raw.AsSpan(0, take * d);
            RawRows.Read(source, start + done, take, values, ref scratch);
            Span<float> target = destination.Slice(done * d, take * d);
            Scaling.ToInternal(values, target);
            int bad = FiniteValues.IndexOfNonFinite<float>(target);
            if (bad >= 0)
            {
                throw OutOfRange(start + done + (bad / d), bad % d, values[bad]);
            }
        }
    }

    /// <inheritdoc/>
    bool IMappedRows.TryMap(long start, int count, out ReadOnlyMemory<float> rows)
    {
        rows = default;
        return Scaling.IsIdentity && source.TryMapRows(start, count, out rows);
    }

    /// <summary>Releases the buffers; the source stays open.</summary>
    public void Dispose()
    {
        raw = null;
        scratch = null;
    }

    private DataFormatException OutOfRange(long row, int column, double value) =>
        new($"{Name} row {FirstRow + row + 1}, column {column + 1}: value {Text(value)} lies "
            + $"more than 3.4e38 × {Text(Scaling.Scale)} from the model's centre "
            + $"({Text(Scaling.Shift[column])}): beyond float32's range, so it cannot be "
            + "computed with this model.");

    private static string Text(double value) => value.ToString("G6", CultureInfo.InvariantCulture);
}
