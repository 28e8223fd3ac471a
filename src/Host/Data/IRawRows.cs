namespace GmmGpu.Data;

/// <summary>
/// A row source whose file holds more than float32 (float64, 64-bit integers, decimal text):
/// it gives its values in float64, before they are rounded, so that a shift far from the origin
/// can be taken off first (<see cref="Numerics.FeatureScaling"/>).
/// </summary>
internal interface IRawRows
{
    /// <summary>
    /// Rows [start, start + count) in float64, shape (count, Columns), row-major, each value
    /// checked as <see cref="IRowSource.Read"/> checks it.
    /// </summary>
    /// <exception cref="DataFormatException">A value is not finite (as Read says it).</exception>
    void ReadRaw(long start, int count, Span<double> destination);
}
