using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace GmmGpu.Backends.Cpu.Blocked;

/// <summary>
/// Receives the rows of one register tile of a <see cref="TileProduct"/>: row m of the tile
/// as one or two 16-float vectors (columns n0..n0+15, n0+16..n0+31).
/// </summary>
internal interface ITileSink
{
    void Row(int m, Vector512<float> low, Vector512<float> high);

    void Row(int m, Vector512<float> value);
}

/// <summary>
/// The register-blocked micro-kernel every product of the blocked pass runs on:
/// C[m, n] = Σ_s A[s, m]·B[s, n] for an 8-row tile, m = 0..7, and 32 (or 16) columns n.
/// A is a packed panel: the tile's 8 values of step s lie side by side at a + s·aStep, and are
/// broadcast; B's 32 values of step s lie side by side at b + s·bStep. The 16 (or 8)
/// accumulators stay in registers for all the steps, so each FMA costs no load or store of C,
/// and the sums run in step order: the result does not depend on threads or tiles.
/// </summary>
internal static class TileProduct
{
    public const int Rows = 8;

    public const int Width = 16;

    /// <summary>An 8×32 tile: 16 accumulators, two B loads and eight broadcasts a step.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining | MethodImplOptions.AggressiveOptimization)]
    public static void Multiply<TColumns, TSink>(
        ref float a,
        nint aStep,
        ref float b,
        nint bStep,
        int steps,
        ref TColumns columns,
        ref TSink sink)
        where TColumns : struct, ITileColumns, allows ref struct
        where TSink : struct, ITileSink
    {
        Vector512<float> c0 = default, c1 = default, c2 = default, c3 = default;
        Vector512<float> c4 = default, c5 = default, c6 = default, c7 = default;
        Vector512<float> d0 = default, d1 = default, d2 = default, d3 = default;
        Vector512<float> d4 = default, d5 = default, d6 = default, d7 = default;
        for (int s = 0; s < steps; s++)
        {
            (Vector512<float> low, Vector512<float> high) = columns.LoadPair(ref b, s);
            Vector512<float> v = Vector512.Create(a);
            c0 = Vector512.FusedMultiplyAdd(v, low, c0);
            d0 = Vector512.FusedMultiplyAdd(v, high, d0);
            v = Vector512.Create(Unsafe.Add(ref a, 1));
            c1 = Vector512.FusedMultiplyAdd(v, low, c1);
            d1 = Vector512.FusedMultiplyAdd(v, high, d1);
            v = Vector512.Create(Unsafe.Add(ref a, 2));
            c2 = Vector512.FusedMultiplyAdd(v, low, c2);
            d2 = Vector512.FusedMultiplyAdd(v, high, d2);
            v = Vector512.Create(Unsafe.Add(ref a, 3));
            c3 = Vector512.FusedMultiplyAdd(v, low, c3);
            d3 = Vector512.FusedMultiplyAdd(v, high, d3);
            v = Vector512.Create(Unsafe.Add(ref a, 4));
            c4 = Vector512.FusedMultiplyAdd(v, low, c4);
            d4 = Vector512.FusedMultiplyAdd(v, high, d4);
            v = Vector512.Create(Unsafe.Add(ref a, 5));
            c5 = Vector512.FusedMultiplyAdd(v, low, c5);
            d5 = Vector512.FusedMultiplyAdd(v, high, d5);
            v = Vector512.Create(Unsafe.Add(ref a, 6));
            c6 = Vector512.FusedMultiplyAdd(v, low, c6);
            d6 = Vector512.FusedMultiplyAdd(v, high, d6);
            v = Vector512.Create(Unsafe.Add(ref a, 7));
            c7 = Vector512.FusedMultiplyAdd(v, low, c7);
            d7 = Vector512.FusedMultiplyAdd(v, high, d7);
            a = ref Unsafe.Add(ref a, aStep);
            b = ref Unsafe.Add(ref b, bStep);
        }

        sink.Row(0, c0, d0);
        sink.Row(1, c1, d1);
        sink.Row(2, c2, d2);
        sink.Row(3, c3, d3);
        sink.Row(4, c4, d4);
        sink.Row(5, c5, d5);
        sink.Row(6, c6, d6);
        sink.Row(7, c7, d7);
    }

    /// <summary>
    /// |y|² of 32 points, y = Pᵀ·d, P a D×D upper-triangular factor (row i at
    /// <paramref name="factor"/> + i·<paramref name="factorStep"/>, zero below the diagonal) and
    /// d the points' columns less a centre (feature i of the 32 points at
    /// <paramref name="columns"/> + i·<paramref name="columnStep"/>, less centre[i], the
    /// difference taken as the tile reads it). An 8×32 tile of y per 8 components j, each from the
    /// steps i ≤ j only; the squares are summed in registers as each tile ends, so nothing of y
    /// goes to memory.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static (Vector512<float> Low, Vector512<float> High) SquaredNorms(
        ref float factor,
        nint factorStep,
        ref float columns,
        nint columnStep,
        int dimensions,
        ref float centre)
    {
        var norms = default(SquareSums);
        var centred = new StepCentredColumns(ref centre);
        for (int j = 0; j < dimensions; j += Rows)
        {
            Multiply(
                ref Unsafe.Add(ref factor, j),
                factorStep,
                ref columns,
                columnStep,
                Math.Min(dimensions, j + Rows),
                ref centred,
                ref norms);
        }

        return (norms.Low, norms.High);
    }

    /// <summary>An 8×16 tile, for the last 16 columns of an odd count of vectors.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void MultiplyNarrow<TColumns, TSink>(
        ref float a,
        nint aStep,
        ref float b,
        nint bStep,
        int steps,
        ref TColumns columns,
        ref TSink sink)
        where TColumns : struct, ITileColumns, allows ref struct
        where TSink : struct, ITileSink
    {
        Vector512<float> c0 = default, c1 = default, c2 = default, c3 = default;
        Vector512<float> c4 = default, c5 = default, c6 = default, c7 = default;
        for (int s = 0; s < steps; s++)
        {
            Vector512<float> column = columns.LoadOne(ref b, s);
            c0 = Vector512.FusedMultiplyAdd(Vector512.Create(a), column, c0);
            c1 = Vector512.FusedMultiplyAdd(Vector512.Create(Unsafe.Add(ref a, 1)), column, c1);
            c2 = Vector512.FusedMultiplyAdd(Vector512.Create(Unsafe.Add(ref a, 2)), column, c2);
            c3 = Vector512.FusedMultiplyAdd(Vector512.Create(Unsafe.Add(ref a, 3)), column, c3);
            c4 = Vector512.FusedMultiplyAdd(Vector512.Create(Unsafe.Add(ref a, 4)), column, c4);
            c5 = Vector512.FusedMultiplyAdd(Vector512.Create(Unsafe.Add(ref a, 5)), column, c5);
            c6 = Vector512.FusedMultiplyAdd(Vector512.Create(Unsafe.Add(ref a, 6)), column, c6);
            c7 = Vector512.FusedMultiplyAdd(Vector512.Create(Unsafe.Add(ref a, 7)), column, c7);
            a = ref Unsafe.Add(ref a, aStep);
            b = ref Unsafe.Add(ref b, bStep);
        }

        sink.Row(0, c0);
        sink.Row(1, c1);
        sink.Row(2, c2);
        sink.Row(3, c3);
        sink.Row(4, c4);
        sink.Row(5, c5);
        sink.Row(6, c6);
        sink.Row(7, c7);
    }

    /// <summary>
    /// C over columns [0, columns) in tiles of 32 (then 16): <paramref name="b"/> at column 0,
    /// <paramref name="sink"/> told each tile's first column through <see cref="IColumnSink"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void MultiplyColumns<TColumns, TSink>(
        ref float a,
        nint aStep,
        ref float b,
        nint bStep,
        int steps,
        int firstColumn,
        int columnCount,
        ref TColumns columns,
        ref TSink sink)
        where TColumns : struct, ITileColumns, allows ref struct
        where TSink : struct, IColumnSink
    {
        int n = firstColumn;
        for (; n + (2 * Width) <= columnCount; n += 2 * Width)
        {
            sink.Column = n;
            columns.MoveTo(n);
            Multiply(ref a, aStep, ref Unsafe.Add(ref b, n), bStep, steps, ref columns, ref sink);
        }

        if (n < columnCount)
        {
            sink.Column = n;
            columns.MoveTo(n);
            MultiplyNarrow(
                ref a, aStep, ref Unsafe.Add(ref b, n), bStep, steps, ref columns, ref sink);
        }
    }
}

/// <summary>A tile sink that is told the first column of the tile it receives.</summary>
internal interface IColumnSink : ITileSink
{
    int Column { set; }
}

/// <summary>
/// Σ over a tile's rows of their squares, per column, in registers once inlined: |y|² of 32
/// points when the rows are components of y. Pairs first, four short chains instead of one of
/// eight, in the same order each time.
/// </summary>
internal struct SquareSums : ITileSink
{
    public Vector512<float> Low;

    public Vector512<float> High;

    private Vector512<float> _pendingLow;

    private Vector512<float> _pendingHigh;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Row(int m, Vector512<float> low, Vector512<float> high)
    {
        if ((m & 1) == 0)
        {
            _pendingLow = low * low;
            _pendingHigh = high * high;
            return;
        }

        Low += Vector512.FusedMultiplyAdd(low, low, _pendingLow);
        High += Vector512.FusedMultiplyAdd(high, high, _pendingHigh);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Row(int m, Vector512<float> value)
    {
        if ((m & 1) == 0)
        {
            _pendingLow = value * value;
            return;
        }

        Low += Vector512.FusedMultiplyAdd(value, value, _pendingLow);
    }
}

/// <summary>How a tile reads the 32 (or 16) values of B at a step.</summary>
internal interface ITileColumns
{
    /// <summary>The tile about to run starts at this column of B.</summary>
    void MoveTo(int column);

    /// <summary>Columns n..n+31 of step <paramref name="step"/>, B's at <paramref name="b"/>.
    /// </summary>
    (Vector512<float> Low, Vector512<float> High) LoadPair(ref float b, int step);

    /// <summary>Columns n..n+15 of step <paramref name="step"/>.</summary>
    Vector512<float> LoadOne(ref float b, int step);
}

/// <summary>B less centre[step]: step i of B is feature i of the points, less a mean's i.
/// </summary>
internal readonly ref struct StepCentredColumns(ref float centre) : ITileColumns
{
    private readonly ref float _centre = ref centre;

    public void MoveTo(int column)
    {
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public (Vector512<float> Low, Vector512<float> High) LoadPair(ref float b, int step)
    {
        Vector512<float> c = Vector512.Create(Unsafe.Add(ref _centre, step));
        return (Vector512.LoadUnsafe(ref b) - c, Vector512.LoadUnsafe(ref b, TileProduct.Width) - c);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector512<float> LoadOne(ref float b, int step) =>
        Vector512.LoadUnsafe(ref b) - Vector512.Create(Unsafe.Add(ref _centre, step));
}

/// <summary>
/// B less centre[column]: column j of B is feature j of the points (a step per point), less a
/// mean's j. <paramref name="width"/> values of the centre, a multiple of 16.
/// </summary>
internal ref struct ColumnCentredColumns(ref float centre, int width) : ITileColumns
{
    private readonly ref float _centre = ref centre;
    private Vector512<float> _low;
    private Vector512<float> _high;

    public void MoveTo(int column)
    {
        _low = Vector512.LoadUnsafe(ref _centre, (nuint)column);
        _high = column + (2 * TileProduct.Width) <= width
            ? Vector512.LoadUnsafe(ref _centre, (nuint)(column + TileProduct.Width))
            : default;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public readonly (Vector512<float> Low, Vector512<float> High) LoadPair(ref float b, int step) =>
        (Vector512.LoadUnsafe(ref b) - _low, Vector512.LoadUnsafe(ref b, TileProduct.Width) - _high);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public readonly Vector512<float> LoadOne(ref float b, int step) =>
        Vector512.LoadUnsafe(ref b) - _low;
}
