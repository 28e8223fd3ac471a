using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace GmmGpu.Backends.Cpu.Blocked;

/// <summary>
/// Stores a tile of log-densities, rows = components, columns = points:
/// target[(firstRow + m)·stride + Column + n] = scale·tile[m, n] + constant[firstRow + m].
/// </summary>
internal struct LogDensitySink(
    float[] target,
    int stride,
    int firstRow,
    float scale,
    float[] constant)
    : IColumnSink
{
    public int Column { get; set; }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public readonly void Row(int m, Vector512<float> low, Vector512<float> high)
    {
        ref float row = ref Start(m, out Vector512<float> offset);
        Vector512<float> factor = Vector512.Create(scale);
        Vector512.FusedMultiplyAdd(low, factor, offset).StoreUnsafe(ref row);
        Vector512.FusedMultiplyAdd(high, factor, offset).StoreUnsafe(ref row, TileProduct.Width);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public readonly void Row(int m, Vector512<float> value)
    {
        ref float row = ref Start(m, out Vector512<float> offset);
        Vector512.FusedMultiplyAdd(value, Vector512.Create(scale), offset).StoreUnsafe(ref row);
    }

    private readonly ref float Start(int m, out Vector512<float> offset)
    {
        int row = firstRow + m;
        offset = Vector512.Create(constant[row]);
        return ref target[(row * stride) + Column];
    }
}

/// <summary>
/// Adds a float32 tile into float64 sums: target[(firstRow + m)·stride + Column + n] += tile.
/// One block's float32 products, then float64 across blocks, as the SIMD pass flushes.
/// </summary>
internal struct DoubleSumSink(double[] target, int offset, int stride, int firstRow)
    : IColumnSink
{
    public int Column { get; set; }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public readonly void Row(int m, Vector512<float> low, Vector512<float> high)
    {
        ref double row = ref Start(m);
        Add(ref row, low);
        Add(ref Unsafe.Add(ref row, TileProduct.Width), high);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public readonly void Row(int m, Vector512<float> value) => Add(ref Start(m), value);

    /// <summary>Adds 16 floats into 16 doubles.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Add(ref double sum, Vector512<float> value)
    {
        (Vector512<double> lower, Vector512<double> upper) = Vector512.Widen(value);
        (Vector512.LoadUnsafe(ref sum) + lower).StoreUnsafe(ref sum);
        (Vector512.LoadUnsafe(ref sum, 8) + upper).StoreUnsafe(ref sum, 8);
    }

    private readonly ref double Start(int m) =>
        ref target[offset + ((firstRow + m) * stride) + Column];
}
